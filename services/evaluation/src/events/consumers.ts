import {
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStarted,
  AssignmentStateRepublished,
  consumerOf,
  handle,
  ruleStatusContracts,
  StatisticianRegistered,
  StatisticianStateRepublished,
  StatisticianUpdated,
  type ConsumerWiring,
} from "@grassroots/events";
import { orgUnitProjectionHandlers } from "@grassroots/org-projection";
import type { EntityManager } from "typeorm";
import type { Transaction } from "../domain/ports";
import { applyAssignment, applyStatistician } from "../domain/reactions/post-projection";
import { applyRuleStatus } from "../domain/reactions/rule-status-projection";

/** Consumer group (and inbox namespace) of evaluation, behind the environment's topic prefix. */
export const CONSUMER_GROUP = "evaluation";

/**
 * What evaluation learns from the other services, each inside the inbox transaction (a redelivered
 * event is a no-op): organization's units → the org projection (the shared handlers); every service's
 * rule status events (one shape) → the rule status projection R12's metrics and R13's scorecard read.
 */
export function evaluationConsumer(transactionOf: (manager: EntityManager) => Transaction): ConsumerWiring {
  return consumerOf<Transaction>(CONSUMER_GROUP, transactionOf, [
    ...orgUnitProjectionHandlers<Transaction>(),
    ...ruleStatusContracts.map((contract) =>
      handle(contract, (event, tx: Transaction) => applyRuleStatus(tx, event.data)),
    ),
    ...[StatisticianRegistered, StatisticianUpdated, StatisticianStateRepublished].map((contract) =>
      handle(contract, (event, tx: Transaction) => applyStatistician(tx, event.data)),
    ),
    ...[
      AssignmentStarted,
      AssignmentActivated,
      AssignmentChanged,
      AssignmentEnded,
      AssignmentStateRepublished,
    ].map((contract) => handle(contract, (event, tx: Transaction) => applyAssignment(tx, event.data))),
  ]);
}
