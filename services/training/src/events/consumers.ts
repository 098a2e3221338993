import {
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStarted,
  AssignmentStateRepublished,
  consumerOf,
  handle,
  StatisticianRegistered,
  StatisticianStateRepublished,
  StatisticianUpdated,
  type ConsumerWiring,
} from "@grassroots/events";
import { orgUnitProjectionHandlers } from "@grassroots/org-projection";
import type { EntityManager } from "typeorm";
import type { Transaction } from "../domain/ports";
import { applyAssignmentState, applyStatisticianState } from "../domain/reactions/statistician-projection";

/**
 * Consumer group (and inbox namespace) of training; the events package puts the environment's topic
 * prefix in front, so environments and test runs that share a broker never share a group.
 */
export const CONSUMER_GROUP = "training.projections";

/**
 * What training learns from the other services, each inside the inbox transaction (a redelivered
 * event is a no-op) and handed training's domain Transaction: organization's org-unit events → the org
 * projection (@grassroots/org-projection's handlers, the same in every service); personnel's statistician and assignment events → who serves where.
 */
export function trainingConsumer(transactionOf: (manager: EntityManager) => Transaction): ConsumerWiring {
  const assignmentEvents = [
    AssignmentStarted,
    AssignmentActivated,
    AssignmentChanged,
    AssignmentEnded,
    AssignmentStateRepublished,
  ];
  return consumerOf<Transaction>(CONSUMER_GROUP, transactionOf, [
    ...orgUnitProjectionHandlers<Transaction>(),
    ...[StatisticianRegistered, StatisticianUpdated, StatisticianStateRepublished].map((contract) =>
      handle(contract, (event, tx: Transaction) => applyStatisticianState(tx, event.data)),
    ),
    ...assignmentEvents.map((contract) =>
      handle(contract, (event, tx: Transaction) => applyAssignmentState(tx, event.data)),
    ),
  ]);
}
