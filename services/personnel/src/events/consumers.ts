import {
  on,
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitUpdated,
  PrePostCertificateIssued,
  RegisterCountSet,
  type EventHandler,
} from "@grassroots/events";
import type { EntityManager } from "typeorm";
import type { Clock, PersonnelSettings, Transaction } from "../domain/ports";
import { applyOrgUnitState, orgUnitViewOf } from "../domain/reactions/org-unit-projection";
import { applyPrePostCertificate } from "../domain/reactions/pre-post-certificate";

/** The consumer group (and inbox namespace) of personnel, under the environment's topic prefix. */
/** Consumer group (the events package puts the topic prefix in front). */
export const CONSUMER_GROUP = "personnel";

/**
 * What personnel reacts to, each inside the inbox transaction (a redelivered event is a no-op):
 * - organization's org-unit events → the local projection (newer versions only), staffing re-evaluated;
 * - training's PrePostCertificateIssued → R7: the person's pending posts become ACTIVE.
 */
export function personnelHandlers(
  deps: { clock: Clock; settings: PersonnelSettings },
  transactionOf: (manager: EntityManager) => Transaction,
): EventHandler[] {
  const orgUnitEvents = [OrgUnitCreated, OrgUnitUpdated, OrgUnitMoved, OrgUnitDeactivated, RegisterCountSet];
  return [
    ...orgUnitEvents.map((contract) =>
      on(contract, async (event, manager) => {
        await applyOrgUnitState(transactionOf(manager), orgUnitViewOf(event.data), deps.settings);
      }),
    ),
    on(PrePostCertificateIssued, async (event, manager) => {
      const { certificateId, certificateNumber, statisticianId, sessionId, completedOn } = event.data;
      await applyPrePostCertificate(transactionOf(manager), deps.clock, deps.settings, {
        certificateId,
        certificateNumber,
        statisticianId,
        sessionId,
        completedOn,
      });
    }),
  ];
}
