import { AssignmentActivated } from "@grassroots/events/contracts";
import { assignmentState } from "../../events/assignment-events";
import type { Clock, PersonnelSettings, Transaction } from "../ports";
import { publishTimeDrivenStatuses } from "../rule-status/time-driven";
import { reevaluateStaffing } from "../staffing";
import type { PrePostCertificate } from "../statistician";

/**
 * R7, the only way an assignment becomes ACTIVE: training announced that the person passed a PRE_POST
 * session. The certificate is remembered (so later appointments start ACTIVE) and every
 * PENDING_TRAINING assignment of the person becomes ACTIVE, each with an AssignmentActivated event;
 * the units' staffing is re-evaluated. A repeated certificate finds nothing pending and changes nothing.
 */
export async function applyPrePostCertificate(
  tx: Transaction,
  clock: Clock,
  settings: PersonnelSettings,
  certificate: PrePostCertificate,
  isSample = false,
): Promise<number> {
  await tx.certificates.record(certificate, isSample);
  const pending = await tx.assignments.lockPending(certificate.statisticianId);
  const units = await tx.units.getMany(pending.map((a) => a.orgUnitId));
  for (const assignment of pending) {
    const activated = await tx.assignments.update(assignment.id, {
      status: "ACTIVE",
      certificateId: certificate.certificateId,
      activatedAt: clock.now(),
    });
    const path = units.find((u) => u.id === assignment.orgUnitId)!.path;
    await tx.publish(AssignmentActivated, {
      ...assignmentState(activated, path),
      certificateId: activated.certificateId,
    });
  }
  await reevaluateStaffing(
    tx,
    pending.map((a) => a.orgUnitId),
    settings.thresholds,
    clock.now(),
  );
  // R7: the activated posts no longer wait for training; their units' result changes at once.
  await publishTimeDrivenStatuses(
    tx,
    clock,
    settings,
    pending.map((a) => a.orgUnitId),
  );
  return pending.length;
}
