import { badInput } from "../errors/app-error";

/**
 * Money is integer fen (1 yuan = 100 fen) held as bigint: BIGINT in PostgreSQL, a decimal string of
 * yuan with exactly two decimals on the API ("10000000.00"). No Number ever holds an amount.
 */
export type Fen = bigint;

/** The largest amount accepted anywhere: 100 billion yuan, far above any grassroots budget and far inside BIGINT. */
export const MAX_FEN: Fen = 100_000_000_000_00n;
/** The BIGINT column's range (PostgreSQL), named in the refusal of anything beyond it. */
export const BIGINT_MAX: Fen = 9_223_372_036_854_775_807n;

const YUAN = /^(0|[1-9][0-9]*)\.([0-9]{2})$/;
const NEGATIVE_YUAN = /^-(0|[1-9][0-9]*)\.([0-9]{2})$/;

export interface MoneyOptions {
  /** A negative amount is accepted (none of the API's inputs takes one today). */
  negative?: boolean;
  /** Zero is accepted (default true). */
  zero?: boolean;
}

/**
 * Parses the API's yuan string to fen, or BAD_USER_INPUT naming the field and saying what to type.
 * Only ASCII digits, one point and exactly two decimals: "12.345", "1e3", "１００.００", "1,000.00" and
 * "" are refused rather than guessed at.
 */
export function parseMoney(value: string, field: string, options: MoneyOptions = {}): Fen {
  const text = typeof value === "string" ? value : String(value);
  const example = `type yuan with exactly two decimals and ASCII digits, e.g. "10000000.00"`;
  if (NEGATIVE_YUAN.test(text) && !options.negative) {
    throw badInput(`${field} cannot be negative; got "${text}". ${capitalise(example)}.`, field);
  }
  const match = YUAN.exec(text.startsWith("-") && options.negative ? text.slice(1) : text);
  if (!match) throw badInput(`${field} must be an amount in yuan: ${example}; got "${text}".`, field);
  const fen = BigInt(match[1]) * 100n + BigInt(match[2]);
  if (fen > MAX_FEN) {
    const beyond = fen > BIGINT_MAX ? " (beyond the range a stored amount can hold)" : "";
    throw badInput(
      `${field} ${text} is over the largest amount accepted, ${formatMoney(MAX_FEN)}${beyond}; check the figure.`,
      field,
    );
  }
  if (fen === 0n && options.zero === false) throw badInput(`${field} must be more than 0.00.`, field);
  return text.startsWith("-") ? -fen : fen;
}

/** Fen as the API writes it: yuan with exactly two decimals ("1005.07", "-5.00"). */
export function formatMoney(fen: Fen): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Fen from a BIGINT column (the pg driver returns it as text). */
export const fenOf = (stored: string | number | bigint): Fen => BigInt(stored);

export const sumFen = (amounts: Iterable<Fen>): Fen => {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
};

/** A rate as a decimal string with two decimals of percent, rounded half up: 12345 of 20000 → "61.73". */
export function percentOf(part: Fen, whole: Fen): string | null {
  if (whole === 0n) return null;
  const basis = (part * 10000n * 2n + whole) / (whole * 2n); // hundredths of a percent, half up
  return `${basis / 100n}.${(basis % 100n).toString().padStart(2, "0")}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
