import { badInput } from "@grassroots/kit/errors";

/**
 * Scores and percentages are decimals with exactly two places ("87.50", a share "12.50" %), held as
 * integer hundredths (bigint): a share of 12.50 % is 1250 basis points. No float ever holds one.
 */
export type Hundredths = bigint;

const DECIMAL = /^(0|[1-9][0-9]{0,3})\.([0-9]{2})$/;

export function parseHundredths(value: string, field: string, max: Hundredths = 999999n): Hundredths {
  const match = DECIMAL.exec(value);
  if (!match)
    throw badInput(
      `${field} must be a number with exactly two decimals, e.g. "87.50"; got "${value}".`,
      field,
    );
  const n = BigInt(match[1]) * 100n + BigInt(match[2]);
  if (n > max) throw badInput(`${field} must be at most ${formatHundredths(max)}; got "${value}".`, field);
  return n;
}

export const formatHundredths = (n: Hundredths): string =>
  `${n / 100n}.${(n % 100n).toString().padStart(2, "0")}`;

/** 100.00 % in hundredths: shares are checked against it. */
export const WHOLE: Hundredths = 10000n;
