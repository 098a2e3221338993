import type { AssignmentState, StatisticianState } from "../directory";
import type { Transaction } from "../ports";

/** A statistician registered or updated in personnel: keep the newer name. */
export async function applyStatisticianState(
  tx: Transaction,
  statistician: StatisticianState,
): Promise<void> {
  await tx.statisticians.apply(statistician);
}

/**
 * An assignment started, activated, changed or ended in personnel: keep its newer state. It decides
 * whom a bureau may enrol and who counts as staff for R6; its unit's path is read from the org
 * projection (units move), falling back to the path the event carried.
 */
export async function applyAssignmentState(tx: Transaction, assignment: AssignmentState): Promise<void> {
  await tx.statisticians.applyAssignment(assignment);
}
