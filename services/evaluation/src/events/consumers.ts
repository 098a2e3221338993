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
  type ReceivedEvent,
} from "@grassroots/events";
import type { RuleStatusData } from "@grassroots/events/contracts";
import { orgUnitProjectionHandlers } from "@grassroots/org-projection";
import type { EntityManager } from "typeorm";
import type { Transaction } from "../domain/ports";
import { applyAssignment, applyStatistician } from "../domain/reactions/post-projection";
import { applyRuleStatus, applyRuleStatuses } from "../domain/reactions/rule-status-projection";

/** Consumer group (and inbox namespace) of evaluation, behind the environment's topic prefix. */
export const CONSUMER_GROUP = "evaluation";

/**
 * What evaluation learns from the other services, each inside the inbox transaction (a redelivered
 * event is a no-op): organization's units → the org projection (the shared handlers); every service's
 * rule status events (one shape) → the rule status projection R12's metrics and R13's scorecard read.
 */
const applyRuleStatusBatch = (events: ReceivedEvent<RuleStatusData>[], tx: Transaction) =>
  applyRuleStatuses(
    tx,
    events.map((e) => e.data),
  );

export function evaluationConsumer(transactionOf: (manager: EntityManager) => Transaction): ConsumerWiring {
  return consumerOf<Transaction>(CONSUMER_GROUP, transactionOf, [
    ...orgUnitProjectionHandlers<Transaction>(),
    // One batch form for every service's rule status events: a backlog is applied set-wise.
    ...ruleStatusContracts.map((contract) => ({
      ...handle(contract, (event, tx: Transaction) => applyRuleStatus(tx, event.data)),
      handleBatch: applyRuleStatusBatch,
    })),
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
