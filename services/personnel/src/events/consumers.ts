import { consumerOf, handle, PrePostCertificateIssued, type ConsumerWiring } from "@grassroots/events";
import { orgUnitProjectionHandlers } from "@grassroots/org-projection";
import { transactionOf } from "../db/unit-of-work";
import type { Clock, PersonnelSettings, Transaction } from "../domain/ports";
import { afterOrgUnitsApplied } from "../domain/reactions/org-unit-projection";
import { applyPrePostCertificate } from "../domain/reactions/pre-post-certificate";

/** The consumer group (and inbox namespace) of personnel; the events package puts the topic prefix in front. */
export const CONSUMER_GROUP = "personnel";

/**
 * What personnel reacts to, each inside the inbox transaction (a redelivered event is a no-op), each
 * handed personnel's domain Transaction:
 * - organization's org-unit events → the shared projection (@grassroots/org-projection, newer versions
 *   only), then staffing re-evaluated when the unit's register count, kind or active flag moved;
 * - training's PrePostCertificateIssued → R7: the person's pending posts become ACTIVE.
 */
export function personnelConsumer(deps: { clock: Clock; settings: PersonnelSettings }): ConsumerWiring {
  return consumerOf<Transaction>(CONSUMER_GROUP, transactionOf, [
    ...orgUnitProjectionHandlers<Transaction>((tx, changes) =>
      afterOrgUnitsApplied(tx, changes, deps.settings, deps.clock.now()),
    ),
    handle(PrePostCertificateIssued, async (event, tx: Transaction) => {
      const { certificateId, certificateNumber, statisticianId, sessionId, completedOn } = event.data;
      await applyPrePostCertificate(tx, deps.clock, deps.settings, {
        certificateId,
        certificateNumber,
        statisticianId,
        sessionId,
        completedOn,
      });
    }),
  ]);
}
