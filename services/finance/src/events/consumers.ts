import {
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStarted,
  AssignmentStateRepublished,
  AssessmentResultsPublished,
  consumerOf,
  handle,
  type ConsumerWiring,
} from "@grassroots/events";
import { orgUnitProjectionHandlers } from "@grassroots/org-projection";
import type { EntityManager } from "typeorm";
import type { Transaction } from "../domain/ports";
import { applyAssessmentResults } from "../domain/reactions/assessment-results";
import { applyPostState } from "../domain/reactions/post-projection";
import type { Clock } from "@grassroots/kit/validation";

/** Consumer group (and inbox namespace) of finance; the events package puts the environment's prefix in front. */
export const CONSUMER_GROUP = "finance";

/**
 * What finance learns from the other services, each inside the inbox transaction (a redelivery is a
 * no-op): organization's units → the org projection (the shared handlers); personnel's assignments →
 * who holds a post where; evaluation's results → the award rounds they reach (R9).
 */
export function financeConsumer(
  transactionOf: (manager: EntityManager) => Transaction,
  clock: Clock,
): ConsumerWiring {
  const assignmentEvents = [
    AssignmentStarted,
    AssignmentActivated,
    AssignmentChanged,
    AssignmentEnded,
    AssignmentStateRepublished,
  ];
  return consumerOf<Transaction>(CONSUMER_GROUP, transactionOf, [
    ...orgUnitProjectionHandlers<Transaction>(),
    ...assignmentEvents.map((contract) =>
      handle(contract, (event, tx: Transaction) => applyPostState(tx, event.data)),
    ),
    handle(AssessmentResultsPublished, (event, tx: Transaction) =>
      applyAssessmentResults(tx, clock, event.data),
    ),
  ]);
}
