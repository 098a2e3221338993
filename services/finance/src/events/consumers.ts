import {
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStarted,
  consumerOf,
  handle,
  type ConsumerWiring,
} from "@grassroots/events";
import { orgUnitProjectionHandlers } from "@grassroots/org-projection";
import type { EntityManager } from "typeorm";
import type { Transaction } from "../domain/ports";
import { applyPostState } from "../domain/reactions/post-projection";

/** Consumer group (and inbox namespace) of finance; the events package puts the environment's prefix in front. */
export const CONSUMER_GROUP = "finance";

/**
 * What finance learns from the other services, each inside the inbox transaction (a redelivery is a
 * no-op): organization's units → the org projection (the shared handlers); personnel's assignments →
 * who holds a post where.
 */
export function financeConsumer(transactionOf: (manager: EntityManager) => Transaction): ConsumerWiring {
  const assignmentEvents = [AssignmentStarted, AssignmentActivated, AssignmentChanged, AssignmentEnded];
  return consumerOf<Transaction>(CONSUMER_GROUP, transactionOf, [
    ...orgUnitProjectionHandlers<Transaction>(),
    ...assignmentEvents.map((contract) =>
      handle(contract, (event, tx: Transaction) => applyPostState(tx, event.data)),
    ),
  ]);
}
