import type { AssignmentStatuses } from "@grassroots/events/contracts";
import type {
  Audience,
  EnrollmentStatus,
  SessionStatus,
  TrainingKind,
  TrainingResult,
} from "../domain/training";

/**
 * R6: city and banner bureaus train grassroots staff, each for its level; the city bureau holds at
 * least one comprehensive business training (综合业务培训) a year for banner/district statistics staff.
 *
 * For a year (a session counts in the year of its end date):
 * - The city obligation is met when the city bureau COMPLETED at least one COMPREHENSIVE session for
 *   BANNER_STAFF that year.
 * - A banner's coverage = attended / staff, where
 *   staff (the denominator): distinct statisticians holding an assignment at a unit in the banner's
 *   subtree (the banner bureau itself included) that was in force on the as-of date, i.e. started on or
 *   before it and not ended before it, whatever its status (PENDING_TRAINING people are staff who
 *   still need training). The as-of date is 31 December of the year, or today for the current year.
 *   attended (the numerator): those of them with an attendance (PASSED or FAILED: they were there;
 *   ABSENT and withdrawn enrolments do not count) at a COMPLETED session of that year organised either
 *   by the city bureau as COMPREHENSIVE, or by the banner's own bureau (any kind).
 *   rate = attended / staff to 4 decimals, null when there is no staff.
 */
export const CITY_OBLIGATION: { kind: TrainingKind; audience: Audience; status: SessionStatus } = {
  kind: "COMPREHENSIVE",
  audience: "BANNER_STAFF",
  status: "COMPLETED",
};

/** City sessions that count toward a banner's coverage. */
export const CITY_KINDS_COUNTED: readonly TrainingKind[] = ["COMPREHENSIVE"];

/** Results that mean the person was there. */
export const ATTENDED_RESULTS: readonly TrainingResult[] = ["PASSED", "FAILED"];

type PostStatus = (typeof AssignmentStatuses)[number];

/**
 * R6's staff (a banner's denominator): a person counts when one of their posts in the banner's subtree
 * is in force on the as-of date — started on or before it, not ended before it (no end date, or one on
 * or after it), whatever its status (PENDING_TRAINING people are staff who still need training) — except
 * a post ENDED without an end date, which is in force on no date. The reads build their SQL from this.
 */
export const R6_STAFF: { endedStatus: PostStatus } = { endedStatus: "ENDED" };

/** A post as R6 looks at it. */
export interface StaffPost {
  startDate: string;
  endDate: string | null;
  status: PostStatus;
}

/** R6_STAFF as a predicate: the post is in force on `asOf`. */
export const inForceOn = (post: StaffPost, asOf: string): boolean =>
  post.startDate <= asOf &&
  (post.endDate === null || post.endDate >= asOf) &&
  (post.status !== R6_STAFF.endedStatus || post.endDate !== null);

/**
 * R6's attended (the numerator): a person of the staff with an enrolment still ENROLLED whose result
 * says they were there (ATTENDED_RESULTS), at a session of the year (by its end date) that took place
 * (COMPLETED), organised by the banner's own bureau (any kind) or by its city in one of CITY_KINDS_COUNTED.
 * `sessionStatus` also picks the banner's own completed sessions (`ownSessionsCompleted`).
 */
export const R6_ATTENDED: {
  sessionStatus: SessionStatus;
  enrollmentStatus: EnrollmentStatus;
  results: readonly TrainingResult[];
  cityKinds: readonly TrainingKind[];
} = {
  sessionStatus: "COMPLETED",
  enrollmentStatus: "ENROLLED",
  results: ATTENDED_RESULTS,
  cityKinds: CITY_KINDS_COUNTED,
};

export interface YearWindow {
  year: number;
  from: string;
  to: string;
  /** The date staff are counted on: 31 December, today for the current year, 1 January for a future one. */
  asOf: string;
}

export function yearWindow(year: number, today: string): YearWindow {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const asOf = today < from ? from : today > to ? to : today;
  return { year, from, to, asOf };
}

export const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part * 10000) / whole) / 10000;

/** Counts of one banner, as the coverage query returns them. */
export interface BannerStaffCount {
  bannerId: string;
  staff: number;
  attended: number;
  ownSessionsCompleted: number;
}

export interface BannerCoverage extends BannerStaffCount {
  rate: number | null;
}

/** One row per banner asked for, in that order, even a banner with no staff and no sessions. */
export function bannerCoverage(
  bannerIds: readonly string[],
  counts: readonly BannerStaffCount[],
): BannerCoverage[] {
  return bannerIds.map((bannerId) => {
    const found = counts.find((c) => c.bannerId === bannerId) ?? {
      bannerId,
      staff: 0,
      attended: 0,
      ownSessionsCompleted: 0,
    };
    return { ...found, rate: share(found.attended, found.staff) };
  });
}

/** The city obligation of the year: met when at least one qualifying session was completed. */
export const cityObligationMet = (completedComprehensiveSessions: number): boolean =>
  completedComprehensiveSessions >= 1;
