import type { AssignmentStarted, EventData, StatisticianRegistered } from "@grassroots/events/contracts";
import type { Transaction } from "../ports";

/** A statistician registered or updated in personnel: keep the newer name (nothing else personal is kept). */
export async function applyStatistician(
  tx: Transaction,
  data: EventData<typeof StatisticianRegistered>,
): Promise<void> {
  await tx.statisticians.apply({
    statisticianId: data.statisticianId,
    name: data.name,
    version: data.version,
  });
}

/** An assignment started, activated, changed or ended: keep its newer state (who holds which post, for commendations). */
export async function applyAssignment(
  tx: Transaction,
  data: EventData<typeof AssignmentStarted>,
): Promise<void> {
  await tx.statisticians.applyAssignment({
    assignmentId: data.assignmentId,
    statisticianId: data.statisticianId,
    orgUnitId: data.orgUnitId,
    orgUnitPath: data.orgUnitPath,
    status: data.status,
    startDate: data.startDate,
    endDate: data.endDate,
    version: data.version,
  });
}
