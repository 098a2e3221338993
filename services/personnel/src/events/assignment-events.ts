import type { AssignmentStarted, EventData } from "@grassroots/events/contracts";
import type { PostAssignment } from "../domain/assignment";

/**
 * A post's state as the assignment events carry it (keyed by the assignment id: one post's started →
 * activated → changed → ended stay in order).
 */
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
