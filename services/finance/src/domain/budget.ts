import { badInput } from "@grassroots/kit/errors";
import { checkDate } from "@grassroots/kit/validation";
import { formatMoney, parseMoney, sumFen, type Fen } from "@grassroots/kit/validation";

/** R8: what a budget line is for; another purpose the bureau names is OTHER with its name. */
export const PURPOSES = ["WORK_FUNDS", "AWARD_PROGRAMME", "SUBSIDIES", "OTHER"] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_NAMES: Record<Exclude<Purpose, "OTHER">, string> = {
  WORK_FUNDS: "基层统计工作经费",
  AWARD_PROGRAMME: "以奖代补",
  SUBSIDIES: "统计人员补助",
};

export const LEVELS = ["CITY", "BANNER"] as const;
export type BudgetLevel = (typeof LEVELS)[number];

export const SCHEDULE_KINDS = ["MONTHLY", "QUARTERLY", "HALF_YEARLY", "ONCE", "CUSTOM"] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export interface Instalment {
  seq: number;
  dueDate: string;
  amountFen: Fen;
}

/** One version of a line's terms; a revision is a new one linked to the one it revises. */
export interface BudgetLineRevision {
  lineId: string;
  revision: number;
  revisesRevision: number | null;
  amountFen: Fen;
  beneficiaryUnitId: string | null;
  classificationCode: string;
  documentTitle: string;
  documentNumber: string;
  scheduleKind: ScheduleKind;
  reason: string | null;
  revisedBy: string;
  revisedByName: string;
  revisedAt: Date;
}

/** A line with its current revision's terms and schedule. */
export interface BudgetLine {
  id: string;
  fiscalYear: number;
  level: BudgetLevel;
  ownerUnitId: string;
  purpose: Purpose;
  purposeName: string | null;
  currentRevision: number;
  createdBy: string;
  createdByName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  terms: BudgetLineRevision;
  instalments: Instalment[];
}

export type DisbursementKind = "PAYMENT" | "REVERSAL";

/** A payment (拨付) against an instalment, or the reversal of one (a row of its own, never an edit). */
export interface Disbursement {
  id: string;
  lineId: string;
  instalmentSeq: number;
  kind: DisbursementKind;
  amountFen: Fen;
  paidOn: string;
  voucherNumber: string;
  payer: string;
  reversesId: string | null;
  reason: string | null;
  overBudgetDocument: string | null;
  overBudgetReason: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

export const describeLine = (line: Pick<BudgetLine, "id" | "fiscalYear" | "purpose" | "purposeName">) =>
  `${line.fiscalYear} ${line.purposeName ?? PURPOSE_NAMES[line.purpose as Exclude<Purpose, "OTHER">]} (${line.id})`;

/** The schedule as the API gives it: a kind, and for ONCE its date, for CUSTOM the instalments typed. */
export interface ScheduleInput {
  kind: ScheduleKind;
  dueDate?: string;
  instalments?: { dueDate: string; amount: string }[];
}

const PERIOD_ENDS: Record<"MONTHLY" | "QUARTERLY" | "HALF_YEARLY", string[]> = {
  MONTHLY: [
    "01-31",
    "02-28",
    "03-31",
    "04-30",
    "05-31",
    "06-30",
    "07-31",
    "08-31",
    "09-30",
    "10-31",
    "11-30",
    "12-31",
  ],
  QUARTERLY: ["03-31", "06-30", "09-30", "12-31"],
  HALF_YEARLY: ["06-30", "12-31"],
};

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Equal parts in fen; the fen that do not divide go one each to the first instalments. */
export function splitEvenly(amount: Fen, parts: number): Fen[] {
  const n = BigInt(parts);
  const base = amount / n;
  const rest = Number(amount % n);
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1n : 0n));
}

/**
 * R8: the payment schedule of a line: periodic kinds fall due at the end of each month, quarter or
 * half-year of the fiscal year; ONCE on its date; CUSTOM as typed, which must add up exactly.
 */
export function buildSchedule(year: number, amount: Fen, input: ScheduleInput): Instalment[] {
  if (!SCHEDULE_KINDS.includes(input.kind))
    throw badInput(`schedule.kind must be one of ${SCHEDULE_KINDS.join(", ")}.`, "schedule.kind");
  const inYear = (date: string, field: string) => {
    checkDate(date, field);
    if (!date.startsWith(`${year}-`))
      throw badInput(`${field} ${date} is outside fiscal year ${year}; a due date falls within it.`, field);
    return date;
  };
  if (input.kind === "ONCE") {
    if (!input.dueDate) throw badInput("A ONCE schedule needs schedule.dueDate.", "schedule.dueDate");
    return [{ seq: 1, dueDate: inYear(input.dueDate, "schedule.dueDate"), amountFen: amount }];
  }
  if (input.kind === "CUSTOM") return customSchedule(year, amount, input, inYear);
  const ends = PERIOD_ENDS[input.kind].map((md) => (md === "02-28" && isLeap(year) ? "02-29" : md));
  return splitEvenly(amount, ends.length).map((amountFen, i) => ({
    seq: i + 1,
    dueDate: `${year}-${ends[i]}`,
    amountFen,
  }));
}

function customSchedule(
  _year: number,
  amount: Fen,
  input: ScheduleInput,
  inYear: (date: string, field: string) => string,
): Instalment[] {
  const typed = input.instalments ?? [];
  if (typed.length < 1 || typed.length > 60)
    throw badInput("A CUSTOM schedule needs 1 to 60 instalments.", "schedule.instalments");
  const instalments = typed.map((t, i) => ({
    seq: i + 1,
    dueDate: inYear(t.dueDate, `schedule.instalments[${i}].dueDate`),
    amountFen: parseMoney(t.amount, `schedule.instalments[${i}].amount`, { zero: false }),
  }));
  for (let i = 1; i < instalments.length; i++) {
    if (instalments[i].dueDate < instalments[i - 1].dueDate)
      throw badInput(
        "List the instalments in order of their due dates.",
        `schedule.instalments[${i}].dueDate`,
      );
  }
  const total = sumFen(instalments.map((t) => t.amountFen));
  if (total !== amount) {
    throw badInput(
      `The instalments add up to ${formatMoney(total)} but the line is ${formatMoney(amount)}; ` +
        `they must add up exactly (${total > amount ? "remove" : "add"} ${formatMoney(total > amount ? total - amount : amount - total)}).`,
      "schedule.instalments",
    );
  }
  return instalments;
}
