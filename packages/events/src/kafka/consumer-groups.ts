import type { EventContract } from "../contracts/contract";
import { AssessmentResultsPublished } from "../contracts/evaluation";
import {
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitStateRepublished,
  OrgUnitUpdated,
  RegisterCountSet,
} from "../contracts/organization";
import {
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStateRepublished,
  AssignmentStarted,
  StatisticianRegistered,
  StatisticianStateRepublished,
  StatisticianUpdated,
} from "../contracts/personnel";
import { ruleStatusContracts } from "../contracts/rule-status";
import { PrePostCertificateIssued } from "../contracts/training";

/** One service's consumer group and the events it handles: what its ACLs let it read. */
export interface DeclaredConsumer {
  /** The service, and its Kafka principal (User:<service>, behind any principal prefix). */
  service: string;
  /** The consumer group behind KAFKA_TOPIC_PREFIX, as the service's wiring names it. */
  groupId: string;
  contracts: EventContract[];
}

const orgUnitEvents = [
  OrgUnitCreated,
  OrgUnitUpdated,
  OrgUnitMoved,
  OrgUnitDeactivated,
  RegisterCountSet,
  OrgUnitStateRepublished,
];
const statisticianEvents = [StatisticianRegistered, StatisticianUpdated, StatisticianStateRepublished];
const assignmentEvents = [
  AssignmentStarted,
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStateRepublished,
];

/**
 * Who consumes what. The contracts say who publishes an event, not who reads it; the services' wirings
 * (services/<svc>/src/events/consumers.ts) do, and the ACLs need it here: kafka-security.test.ts checks
 * this table's topics against every service's built consumer wiring, so the two cannot drift apart
 * (the rights are per topic: a new event on a topic already read changes nothing).
 * Organization consumes nothing.
 */
export const declaredConsumers: readonly DeclaredConsumer[] = [
  { service: "personnel", groupId: "personnel", contracts: [...orgUnitEvents, PrePostCertificateIssued] },
  {
    service: "training",
    groupId: "training.projections",
    contracts: [...orgUnitEvents, ...statisticianEvents, ...assignmentEvents],
  },
  {
    service: "finance",
    groupId: "finance",
    contracts: [...orgUnitEvents, ...assignmentEvents, AssessmentResultsPublished],
  },
  {
    service: "evaluation",
    groupId: "evaluation",
    contracts: [...orgUnitEvents, ...ruleStatusContracts, ...statisticianEvents, ...assignmentEvents],
  },
];
