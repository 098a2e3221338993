// Money arrives from the API as a yuan string with two decimals ("12345.67", integer fen inside the
// services). Sums are made in integer fen (BigInt) and only the final figure becomes a cell number,
// so a total never carries float error.

const YUAN = /^(-?)(\d+)\.(\d{2})$/;

/** "12345.67" → 1234567n; throws on anything that is not exactly two decimals. */
export function fenOf(yuan: string): bigint {
  const m = YUAN.exec(yuan);
  if (!m) throw new Error(`not a yuan amount with two decimals: ${JSON.stringify(yuan)}`);
  const fen = BigInt(m[2]) * 100n + BigInt(m[3]);
  return m[1] ? -fen : fen;
}

export function sumFen(amounts: readonly bigint[]): bigint {
  return amounts.reduce((a, b) => a + b, 0n);
}

/** Fen as yuan text with two decimals. */
export function yuanText(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

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

/** part / whole as percent with two decimals, half up (as finance computes its rates); null for 0. */
export function percentText(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  const basis = (part * 10000n * 2n + whole) / (whole * 2n);
  return `${basis / 100n}.${(basis % 100n).toString().padStart(2, "0")}`;
}

/** part / whole as a fraction with four decimals, half up (the services' rates: 15 of 16 → "0.9375"); null for 0. */
export function ratioText(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  const basis = (part * 10000n * 2n + whole) / (whole * 2n);
  return `${basis / 10000n}.${(basis % 10000n).toString().padStart(4, "0")}`;
}
