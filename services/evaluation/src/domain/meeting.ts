import { badInput } from "@grassroots/kit/errors";

/** R11: a leadership work meeting (常务会 EXECUTIVE, 专题会 SPECIAL, bureau meeting BUREAU) and its problems. */
export const MEETING_KINDS = ["EXECUTIVE", "SPECIAL", "BUREAU"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const PROBLEM_STATUSES = ["OPEN", "IN_PROGRESS", "RESOLVED", "CARRIED_OVER"] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export interface WorkMeeting {
  id: string;
  holderUnitId: string;
  meetingDate: string;
  kind: MeetingKind;
  chair: string;
  topics: string[];
  /** Whether the meeting studied grassroots statistics work (what R11 counts). */
  studiedGrassrootsStatistics: boolean;
  minutesRef: string | null;
  recordedBy: string;
  recordedByName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Problem {
  id: string;
  meetingId: string;
  meetingDate: string;
  description: string;
  responsibleUnitId: string;
  responsiblePerson: string | null;
  dueDate: string;
  status: ProblemStatus;
  resolution: string | null;
  evidence: string | null;
  resolvedOn: string | null;
  carriedFromId: string | null;
  carriedToId: string | null;
  overdueAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewMeeting = Omit<WorkMeeting, "version" | "createdAt" | "updatedAt">;
export type NewProblem = Omit<
  Problem,
  | "version"
  | "createdAt"
  | "updatedAt"
  | "overdueAt"
  | "resolution"
  | "evidence"
  | "resolvedOn"
  | "carriedToId"
  | "status"
>;
export type ProblemPatch = Partial<
  Pick<Problem, "status" | "resolution" | "evidence" | "resolvedOn" | "carriedToId" | "overdueAt">
>;

/** Still open (OPEN or IN_PROGRESS) past its due date. */
export const isOverdue = (p: Pick<Problem, "status" | "dueDate">, today: string): boolean =>
  (p.status === "OPEN" || p.status === "IN_PROGRESS") && p.dueDate < today;

/** The steps a problem may take by hand: OPEN → IN_PROGRESS → RESOLVED (carrying over is its own command). */
export function checkProblemStep(problem: Problem, to: "IN_PROGRESS" | "RESOLVED"): void {
  const allowed = to === "IN_PROGRESS" ? ["OPEN"] : ["OPEN", "IN_PROGRESS"];
  if (!allowed.includes(problem.status)) {
    throw badInput(`Problem ${problem.id} is ${problem.status}: it cannot move to ${to}.`, "status");
  }
}

export const trimmed = (
  value: string | null | undefined,
  field: string,
  max: number,
  required = true,
): string | null => {
  const text = value?.trim() ?? "";
  if (!text) {
    if (required) throw badInput(`${field} is required.`, field);
    return null;
  }
  if (text.length > max) throw badInput(`${field} is at most ${max} characters.`, field);
  return text;
};

/**
 * A real calendar day YYYY-MM-DD from 1900 on (JavaScript takes 2026-02-30 as 2 March, and PostgreSQL
 * has no year 0000: both reached the database as internal errors until the #14 fuzzing found them).
 */
export const checkDate = (value: string, field: string): string => {
  const day = new Date(`${value}T00:00:00Z`);
  const real =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  if (!real || value < "1900-01-01")
    throw badInput(`${field} must be a date YYYY-MM-DD from 1900 on.`, field);
  return value;
};
