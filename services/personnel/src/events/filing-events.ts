import {
  FilingFiled,
  FilingForwarded,
  FilingReturned,
  FilingSubmitted,
  type EventData,
} from "@grassroots/events/contracts";
import type { Filing, FilingStatus } from "../domain/filing";

/** One event type per status a step reaches (a resubmission is SUBMITTED again). */
export const FILING_EVENT: Record<FilingStatus, typeof FilingSubmitted> = {
  SUBMITTED: FilingSubmitted,
  FORWARDED: FilingForwarded,
  FILED: FilingFiled,
  RETURNED: FilingReturned,
};

/** The filing after a step; `actor` and `at` are the step's. */
export const filingStepState = (f: Filing, actor: string, at: Date): EventData<typeof FilingSubmitted> => ({
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
});
