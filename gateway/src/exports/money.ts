// Money arrives from the API as a yuan string with two decimals ("12345.67", integer fen inside the
// services). Sums are made in integer fen (BigInt) and only the final figure becomes a cell number,
// so a total never carries float error.

import { parseMoney } from "@grassroots/kit/validation";

// Parsing, sums, yuan text and percent rates are the kit's (@grassroots/kit/validation: parseMoney,
// sumFen, formatMoney, percentOf), the same code finance computes with; what is here is the sheet's own.

/** A yuan amount from the API ("12345.67", negative allowed) as fen. */
export const fenOfYuan = (yuan: string): bigint => parseMoney(yuan, "amount", { negative: true });

/**
 * Fen as 万元 text with two decimals, rounded half away from zero in integers (1 万元 = 1,000,000 fen,
 * so the unit of the last digit is 10,000 fen).
 */
export function wanYuanText(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  const hundredths = (abs + 5_000n) / 10_000n;
  return `${sign}${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}`;
}

/**
 * A decimal text as the cell's number: the nearest double to the text itself (what a spreadsheet
 * stores for a typed-in "12345.67"), never the result of arithmetic on doubles.
 */
export function cellNumber(decimalText: string): number {
  return Number(decimalText);
}

/** part / whole as a fraction with four decimals, half up (the services' rates: 15 of 16 → "0.9375"); null for 0. */
export function ratioText(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  const basis = (part * 10000n * 2n + whole) / (whole * 2n);
  return `${basis / 10000n}.${(basis % 10000n).toString().padStart(4, "0")}`;
}
