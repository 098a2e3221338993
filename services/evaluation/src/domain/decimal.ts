import { badInput } from "@grassroots/kit/errors";

// Scores and weights are decimals with at most two places. They are held as integers of hundredths
// (87.50 → 8750) so that sums compare exactly: 33.3 + 33.3 + 33.4 is 10000 hundredths, never 99.99999.

const DECIMAL = /^(\d{1,4})(?:\.(\d{1,2}))?$/;

/** "33.3" → 3330; BAD_USER_INPUT naming the field for anything that is not a decimal with ≤ 2 places. */
export function hundredthsOf(text: string, field: string): number {
  const match = DECIMAL.exec(text.trim());
  if (!match)
    throw badInput(`${field} must be a decimal with at most two places, e.g. "33.30"; got "${text}".`, field);
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 8750 → "87.50" (negative values keep their sign: "-2.00"). */
export function decimalOf(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** a × b / c in hundredths, rounded half up, in integers only (a score scaled by a weight). */
export function scaled(a: number, b: number, c: number): number {
  if (c === 0) return 0;
  const product = a * b;
  const sign = product < 0 !== c < 0 ? -1 : 1;
  const [n, d] = [Math.abs(product), Math.abs(c)];
  return sign * Math.floor((2 * n + d) / (2 * d));
}
