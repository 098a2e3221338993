import type { RuleStatusValue } from "@grassroots/events/contracts";
import { formatMoney, percentOf, sumFen, type Fen } from "@grassroots/kit/validation";

/**
 * R8 — funds in the budget, paid on time and in full. Pure: the status of each instalment of a line as
 * of a date, and per subject (a banner, the city) and year the figures and whether the rule is met.
 *
 * Only payments not reversed count (a reversal undoes a mistaken payment entirely), and only those
 * paid on or before the as-of date. An instalment is
 *   PAID_ON_TIME        in full by its due date (also before it falls due);
 *   PAID_LATE           in full, but after its due date (days late: from the due date to the day the
 *                       payments reached its amount);
 *   SHORT               past due, partly paid (short by the rest);
 *   OUTSTANDING_OVERDUE past due, nothing paid;
 *   NOT_YET_DUE         not due yet and not paid in full.
 * A subject meets R8 for a year when every instalment due by the as-of date was paid on time and in
 * full; a subject with no line that year is NOT_APPLICABLE.
 */
export const R8_RULE = "R8.funds-on-time-in-full" as const;

export const INSTALMENT_STATUSES = [
  "PAID_ON_TIME",
  "PAID_LATE",
  "SHORT",
  "OUTSTANDING_OVERDUE",
  "NOT_YET_DUE",
] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];

export interface R8Instalment {
  lineId: string;
  seq: number;
  dueDate: string;
  amountFen: Fen;
}

/** A payment not reversed. */
export interface R8Payment {
  lineId: string;
  seq: number;
  amountFen: Fen;
  paidOn: string;
}

export interface R8Line {
  lineId: string;
  purpose: string;
  amountFen: Fen;
  instalments: R8Instalment[];
}

export interface InstalmentResult extends R8Instalment {
  status: InstalmentStatus;
  paidFen: Fen;
  paidByDueFen: Fen;
  /** What is missing: due and unpaid (SHORT, OUTSTANDING_OVERDUE) or still to pay (NOT_YET_DUE). */
  shortFen: Fen;
  daysLate: number | null;
  /** The day the payments reached the instalment's amount, if they have. */
  settledOn: string | null;
}

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function instalmentStatus(
  instalment: R8Instalment,
  payments: readonly R8Payment[],
  asOf: string,
): InstalmentResult {
  const counted = payments
    .filter((p) => p.lineId === instalment.lineId && p.seq === instalment.seq && p.paidOn <= asOf)
    .sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  const paidFen = sumFen(counted.map((p) => p.amountFen));
  const paidByDueFen = sumFen(counted.filter((p) => p.paidOn <= instalment.dueDate).map((p) => p.amountFen));
  let running = 0n;
  const settledOn = counted.find((p) => (running += p.amountFen) >= instalment.amountFen)?.paidOn ?? null;
  const rest = paidFen >= instalment.amountFen ? 0n : instalment.amountFen - paidFen;
  const base = { ...instalment, paidFen, paidByDueFen, shortFen: rest, settledOn, daysLate: null };
  if (paidByDueFen >= instalment.amountFen) return { ...base, status: "PAID_ON_TIME" };
  if (asOf <= instalment.dueDate) return { ...base, status: settledOn ? "PAID_ON_TIME" : "NOT_YET_DUE" };
  if (settledOn) return { ...base, status: "PAID_LATE", daysLate: days(instalment.dueDate, settledOn) };
  return { ...base, status: paidFen > 0n ? "SHORT" : "OUTSTANDING_OVERDUE" };
}

export interface R8Item extends InstalmentResult {
  purpose: string;
  /** In words a clerk reads. */
  reason: string;
}

export interface R8Result {
  status: RuleStatusValue;
  budgetedFen: Fen;
  dueToDateFen: Fen;
  paidFen: Fen;
  paidOnTimeFen: Fen;
  /** paid / budgeted, percent with two decimals ("61.73"); null without a budget. */
  executionRate: string | null;
  /** paid on time / due to date; null when nothing is due yet. */
  onTimeRate: string | null;
  instalments: InstalmentResult[];
  /** The late, short and overdue instalments, with their reasons. */
  items: R8Item[];
  reason: string;
}

function reasonOf(r: InstalmentResult): string {
  const what = `instalment ${r.seq} of ${formatMoney(r.amountFen)} due ${r.dueDate}`;
  switch (r.status) {
    case "PAID_LATE":
      return `${what} was paid in full ${r.daysLate} day(s) late, on ${r.settledOn}`;
    case "SHORT":
      return `${what} is short by ${formatMoney(r.shortFen)} (paid ${formatMoney(r.paidFen)})`;
    case "OUTSTANDING_OVERDUE":
      return `${what} is overdue and unpaid`;
    default:
      return `${what} is ${r.status}`;
  }
}

/** R8 for one subject and year, as of a date. */
export function evaluateR8(lines: readonly R8Line[], payments: readonly R8Payment[], asOf: string): R8Result {
  const instalments = lines.flatMap((line) =>
    line.instalments.map((i) => ({ purpose: line.purpose, result: instalmentStatus(i, payments, asOf) })),
  );
  // Due to date: fallen due by the as-of date (an instalment due today counts once paid or once the day is over).
  const due = instalments.filter(({ result }) => result.dueDate <= asOf && result.status !== "NOT_YET_DUE");
  const dueToDateFen = sumFen(due.map(({ result }) => result.amountFen));
  const paidOnTimeFen = sumFen(
    due.map(({ result }) =>
      result.paidByDueFen < result.amountFen ? result.paidByDueFen : result.amountFen,
    ),
  );
  const budgetedFen = sumFen(lines.map((l) => l.amountFen));
  const paidFen = sumFen(instalments.map(({ result }) => result.paidFen));
  const items = instalments
    .filter(({ result }) => ["PAID_LATE", "SHORT", "OUTSTANDING_OVERDUE"].includes(result.status))
    .map(({ purpose, result }) => ({ ...result, purpose, reason: `${purpose}: ${reasonOf(result)}` }));
  const status: RuleStatusValue =
    lines.length === 0 ? "NOT_APPLICABLE" : items.length === 0 ? "MET" : "NOT_MET";
  const reason =
    status === "NOT_APPLICABLE"
      ? "no budget line for the year"
      : status === "MET"
        ? `every instalment due by ${asOf} was paid on time and in full (${formatMoney(paidOnTimeFen)} of ${formatMoney(dueToDateFen)})`
        : items.map((i) => i.reason).join("; ");
  return {
    status,
    budgetedFen,
    dueToDateFen,
    paidFen,
    paidOnTimeFen,
    executionRate: percentOf(paidFen, budgetedFen),
    onTimeRate: percentOf(paidOnTimeFen, dueToDateFen),
    instalments: instalments.map(({ result }) => result),
    items,
    reason,
  };
}

/** The figures of the rule-status event (money as yuan strings, rates as percent strings). */
export function r8Figures(result: R8Result): Record<string, string | number | null> {
  return {
    budgeted: formatMoney(result.budgetedFen),
    dueToDate: formatMoney(result.dueToDateFen),
    paid: formatMoney(result.paidFen),
    paidOnTime: formatMoney(result.paidOnTimeFen),
    executionRate: result.executionRate,
    onTimeRate: result.onTimeRate,
    lateOrShortItems: result.items.length,
  };
}
