import type { RuleStatusValue } from "@grassroots/events/contracts";

/** A banner's (or the city's) meetings and problems of one year, as R11 counts them. */
export interface MeetingYearCounts {
  /** Meetings held in the year that studied grassroots statistics work. */
  meetingsStudied: number;
  /** Problems raised at the year's meetings (a carried-over problem counts where it continues). */
  problemsRaised: number;
  resolved: number;
  /** Still OPEN or IN_PROGRESS past their due date. */
  overdue: number;
}

/**
 * R11 for a banner and year: MET when its government or bureau held at least one meeting that studied
 * grassroots statistics and none of the problems raised is overdue; NOT_MET otherwise.
 */
export function r11Result(
  counts: MeetingYearCounts,
  year: number,
): {
  status: RuleStatusValue;
  reason: string;
  figures: Record<string, number>;
} {
  const figures = { ...counts };
  if (counts.meetingsStudied === 0) {
    return { status: "NOT_MET", reason: `no meeting studied grassroots statistics in ${year}`, figures };
  }
  if (counts.overdue > 0) {
    return {
      status: "NOT_MET",
      reason: `${counts.overdue} of ${counts.problemsRaised} problems overdue`,
      figures,
    };
  }
  return {
    status: "MET",
    reason: `${counts.meetingsStudied} meeting(s) studied grassroots statistics; ${counts.resolved} of ${counts.problemsRaised} problems resolved, none overdue`,
    figures,
  };
}
