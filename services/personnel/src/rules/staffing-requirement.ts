import type { AssignmentStatus } from "../domain/assignment";
import type { OrgUnitKind } from "@grassroots/org-projection/units";

/** R3, R4: only posts in this status count (a post is in post only once R7's training is done). */
export const COUNTED_STATUS = "ACTIVE" satisfies AssignmentStatus;
/** Appointed but waiting for pre-post training (R7): named in a gap's reason, never counted. */
export const PENDING_STATUS = "PENDING_TRAINING" satisfies AssignmentStatus;

/**
 * What R3 and R4 share: the thresholds (configuration, never literals in the rules), the staff counts
 * a unit is judged on, and the shape of one requirement's result.
 */
export interface StaffingThresholds {
  /** R3: a register count (基本单位名录库) at or above this asks for more statisticians. Default 1,500. */
  largeRegisterThreshold: number;
  /** R3: active FULL_TIME IN_ESTABLISHMENT statisticians every township-level unit needs. Default 1. */
  townshipMinFullTimeInEstablishment: number;
  /** R3: active statisticians (any role) a township at or above the threshold needs. Default 2. */
  largeRegisterMinStatisticians: number;
  /** R4: active statisticians a park or community needs. Default 1. */
  parkCommunityMinStatisticians: number;
  /** R4: active liaisons a village or gacha needs. Default 1. */
  villageMinLiaisons: number;
}

export const DEFAULT_THRESHOLDS: StaffingThresholds = {
  largeRegisterThreshold: 1500,
  townshipMinFullTimeInEstablishment: 1,
  largeRegisterMinStatisticians: 2,
  parkCommunityMinStatisticians: 1,
  villageMinLiaisons: 1,
};

/** Assignments of one unit, counted by status and kind of post. */
export interface StaffCounts {
  active: number;
  activeFullTimeInEstablishment: number;
  activeLiaisons: number;
  pending: number;
  pendingFullTimeInEstablishment: number;
  pendingLiaisons: number;
}

export const NO_STAFF: StaffCounts = {
  active: 0,
  activeFullTimeInEstablishment: 0,
  activeLiaisons: 0,
  pending: 0,
  pendingFullTimeInEstablishment: 0,
  pendingLiaisons: 0,
};

/** What a rule is judged on: the unit's kind and register count (from the org projection) and its staff. */
export interface StaffingSubject {
  kind: OrgUnitKind;
  registerCount: number | null;
  counts: StaffCounts;
}

export interface RequirementResult {
  rule: "R3" | "R4";
  /** Stable code, e.g. R3_FULL_TIME_IN_ESTABLISHMENT. */
  code: string;
  description: string;
  /** False when the unit's situation does not call for it (e.g. a register below the threshold). */
  applies: boolean;
  met: boolean;
  required: number;
  actual: number;
  /** In words a bureau can act on. */
  reason: string;
}

export const n = (value: number): string => value.toLocaleString("en-US");

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${n(count)} ${count === 1 ? one : many}`;

/** "…; 1 more waits for pre-post training (R7): it becomes active when the certificate arrives." */
export function pendingHint(pending: number, what: string): string {
  if (pending === 0) return "";
  return (
    ` ${plural(pending, `appointed ${what}`)} ${pending === 1 ? "waits" : "wait"} for pre-post training (R7): ` +
    `${pending === 1 ? "the appointment becomes" : "the appointments become"} active when the training certificate arrives.`
  );
}
