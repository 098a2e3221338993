import {
  consumerOf,
  handle,
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitUpdated,
  PrePostCertificateIssued,
  RegisterCountSet,
  type ConsumerWiring,
} from "@grassroots/events";
import { transactionOf } from "../db/unit-of-work";
import type { Clock, PersonnelSettings, Transaction } from "../domain/ports";
import { applyOrgUnitState, orgUnitViewOf } from "../domain/reactions/org-unit-projection";
import { applyPrePostCertificate } from "../domain/reactions/pre-post-certificate";

/** The consumer group (and inbox namespace) of personnel; the events package puts the topic prefix in front. */
export const CONSUMER_GROUP = "personnel";

const ORG_UNIT_EVENTS = [OrgUnitCreated, OrgUnitUpdated, OrgUnitMoved, OrgUnitDeactivated, RegisterCountSet];

/**
 * What personnel reacts to, each inside the inbox transaction (a redelivered event is a no-op), each
 * handed personnel's domain Transaction:
 * - organization's org-unit events → the local projection (newer versions only), staffing re-evaluated;
 * - training's PrePostCertificateIssued → R7: the person's pending posts become ACTIVE.
 */
export function personnelConsumer(deps: { clock: Clock; settings: PersonnelSettings }): ConsumerWiring {
  return consumerOf<Transaction>(CONSUMER_GROUP, transactionOf, [
    ...ORG_UNIT_EVENTS.map((contract) =>
      handle(contract, async (event, tx: Transaction) => {
        await applyOrgUnitState(tx, orgUnitViewOf(event.data), deps.settings);
      }),
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
