import { FilingChanges } from "@grassroots/events/contracts";

export type FilingChange = (typeof FilingChanges)[number];
export const FILING_CHANGES: readonly FilingChange[] = FilingChanges;

export const FILING_STATUSES = ["SUBMITTED", "FORWARDED", "FILED", "RETURNED"] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/**
 * How a filing travels (R5, 逐级上报): a village-level change (community, village, gacha) goes through
 * its township, which confirms and forwards it; a township-level or park change goes straight to the
 * banner bureau.
 */
export const FILING_ROUTES = ["VIA_TOWNSHIP", "DIRECT"] as const;
export type FilingRoute = (typeof FILING_ROUTES)[number];

/** What changed, for the bureau reading the filing (no personal data). */
export interface FilingDetails {
  role?: string;
  establishment?: string;
  previousRole?: string;
  previousEstablishment?: string;
  fromOrgUnitId?: string;
  previousAssignmentId?: string;
  effectiveDate?: string;
  reason?: string;
}

/** A staff change reported for the record (备案). History is kept forever: steps are rows, never edited. */
export interface Filing {
  id: string;
  change: FilingChange;
  statisticianId: string;
  assignmentId: string;
  orgUnitId: string;
  /** Path of the unit when the change was submitted. */
  orgUnitPath: string;
  bannerId: string;
  /** The township that forwards it (VIA_TOWNSHIP), else null. */
  townshipId: string | null;
  route: FilingRoute;
  status: FilingStatus;
  details: FilingDetails;
  /** Business date of submission (China time): overdue counts from here. */
  submittedOn: string;
  /** Who acted, as the token's subject (or a tool's name); `…Name` beside each: the person's display name. */
  submittedBy: string;
  /** Null on rows written before names were kept. */
  submittedByName: string | null;
  submittedAt: Date;
  forwardedBy: string | null;
  forwardedByName: string | null;
  forwardedAt: Date | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  returnReason: string | null;
  version: number;
}

/** The columns the steps after submission set (who forwarded, who decided, why returned). */
type StepColumn =
  | "forwardedBy"
  | "forwardedByName"
  | "forwardedAt"
  | "decidedBy"
  | "decidedByName"
  | "decidedAt"
  | "returnReason";

export type NewFiling = Omit<Filing, StepColumn | "version">;

/** What a step changes on a filing (the store bumps the version). */
export type FilingPatch = Partial<Pick<Filing, "status" | StepColumn>>;

export const FILING_STEPS = ["SUBMIT", "FORWARD", "FILE", "RETURN", "RESUBMIT"] as const;
export type FilingStepName = (typeof FILING_STEPS)[number];

/** One step in a filing's history. */
export interface FilingStep {
  filingId: string;
  step: FilingStepName;
  fromStatus: FilingStatus | null;
  toStatus: FilingStatus;
  actor: string;
  /** The actor's display name (null on steps recorded before names were kept). */
  actorName: string | null;
  at: Date;
  note: string | null;
}
