import {
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStarted,
  FilingFiled,
  FilingForwarded,
  FilingReturned,
  FilingSubmitted,
  StaffingComplianceChanged,
  StatisticianRegistered,
  StatisticianUpdated,
  type EventContract,
  type EventData,
} from "@grassroots/events";
import type { PostAssignment } from "../domain/assignment";
import type { Filing, FilingStatus } from "../domain/filing";
import type { OutgoingEvent } from "../domain/ports";
import type { Statistician } from "../domain/statistician";
import type { RequirementResult } from "../rules/staffing-requirement";

/**
 * Domain objects → event data per the @grassroots/events contracts (type-checked here, validated again
 * by the outbox writer). The ID number and the phone number are personal data and never copied into an
 * event: the contracts have no field for them, and these mappers pick fields one by one.
 */
const event = <C extends EventContract>(contract: C, data: EventData<C>, key: string): OutgoingEvent => ({
  contract,
  data,
  key,
});

export function statisticianState(s: Statistician): EventData<typeof StatisticianRegistered> {
  return {
    statisticianId: s.id,
    name: s.name,
    gender: s.gender,
    ethnicity: s.ethnicity,
    education: s.education,
    title: s.title,
    version: s.version,
  };
}

export const statisticianRegistered = (s: Statistician) =>
  event(StatisticianRegistered, statisticianState(s), s.id);

export const statisticianUpdated = (s: Statistician, changed: string[]) =>
  event(StatisticianUpdated, { ...statisticianState(s), changed }, s.id);

export function assignmentState(a: PostAssignment, orgUnitPath: string): EventData<typeof AssignmentStarted> {
  return {
    assignmentId: a.id,
    statisticianId: a.statisticianId,
    orgUnitId: a.orgUnitId,
    orgUnitPath,
    role: a.role,
    establishment: a.establishment,
    status: a.status,
    startDate: a.startDate,
    endDate: a.endDate,
    version: a.version,
  };
}

// Keyed by the aggregate id (DESIGN.md): one assignment's started → activated → changed → ended stay in order.
export const assignmentStarted = (a: PostAssignment, path: string) =>
  event(AssignmentStarted, assignmentState(a, path), a.id);

export const assignmentActivated = (a: PostAssignment, path: string) =>
  event(AssignmentActivated, { ...assignmentState(a, path), certificateId: a.certificateId }, a.id);

export const assignmentChanged = (a: PostAssignment, path: string, changed: string[]) =>
  event(AssignmentChanged, { ...assignmentState(a, path), changed }, a.id);

export const assignmentEnded = (a: PostAssignment, path: string) =>
  event(AssignmentEnded, { ...assignmentState(a, path), reason: a.endReason ?? "" }, a.id);

/** One event type per status a step reaches (a resubmission is SUBMITTED again). */
const FILING_EVENT: Record<FilingStatus, typeof FilingSubmitted> = {
  SUBMITTED: FilingSubmitted,
  FORWARDED: FilingForwarded,
  FILED: FilingFiled,
  RETURNED: FilingReturned,
};

/** The filing after a step; `actor` and `at` are the step's. */
export const filingStepEvent = (f: Filing, actor: string, at: Date) =>
  event(
    FILING_EVENT[f.status],
    {
      filingId: f.id,
      change: f.change,
      statisticianId: f.statisticianId,
      assignmentId: f.assignmentId,
      orgUnitId: f.orgUnitId,
      orgUnitPath: f.orgUnitPath,
      bannerId: f.bannerId,
      status: f.status,
      actor,
      at: at.toISOString(),
      reason: f.status === "RETURNED" ? f.returnReason : null,
    },
    f.id,
  );

export const staffingComplianceChanged = (
  orgUnitId: string,
  orgUnitPath: string,
  compliant: boolean,
  gaps: RequirementResult[],
) =>
  event(
    StaffingComplianceChanged,
    {
      orgUnitId,
      orgUnitPath,
      compliant,
      gaps: gaps.map((g) => ({ rule: g.code, required: g.required, actual: g.actual, reason: g.reason })),
    },
    orgUnitId,
  );
