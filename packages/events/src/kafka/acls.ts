import { deadLetterReplayGroup } from "../inbox/dead-letter-replay";
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Kafka,
} from "kafkajs";
import { allContracts } from "../contracts";
import { dlqTopicOf } from "../contracts/contract";
import { declaredConsumers, type DeclaredConsumer } from "./consumer-groups";

export type AclOperation = "READ" | "WRITE" | "DESCRIBE" | "DELETE" | "IDEMPOTENT_WRITE";

/** One ALLOW rule, literal (names already carry KAFKA_TOPIC_PREFIX): what provision-acls prints and applies. */
export interface ServiceAcl {
  principal: string;
  resourceType: "TOPIC" | "GROUP" | "CLUSTER";
  resourceName: string;
  operation: AclOperation;
}

export interface AclSettings {
  /** KAFKA_TOPIC_PREFIX of the environment: in front of every topic and consumer group. */
  prefix?: string;
  /** In front of each service's name to make its principal (User:<principalPrefix><service>). */
  principalPrefix?: string;
  consumers?: readonly DeclaredConsumer[];
}

/**
 * Each service's rights, from the contracts and the declared consumers: WRITE + DESCRIBE on the topics
 * of the events it publishes; READ + DESCRIBE on the topics it consumes and on its consumer group;
 * WRITE + READ + DESCRIBE on those topics' dead-letter topics (its consumer parks poison there, and
 * replays from there); IDEMPOTENT_WRITE on the cluster (every producer is idempotent; Kafka 3+ also
 * accepts WRITE on any topic for it, Kafka 2.x needs this). Nothing else: no topic of another service
 * can be written, none it does not consume can be read.
 */
export function serviceAcls(settings: AclSettings = {}): ServiceAcl[] {
  const prefix = settings.prefix ?? "";
  const consumers = settings.consumers ?? declaredConsumers;
  const principalOf = (service: string) => `User:${settings.principalPrefix ?? ""}${service}`;
  const services = [...new Set([...allContracts.map((c) => c.service), ...consumers.map((c) => c.service)])];
  // One rule per key: a service that reads its own topic (evaluation's rule status) needs DESCRIBE once.
  const acls = new Map<string, ServiceAcl>();
  const add = (
    service: string,
    resourceType: ServiceAcl["resourceType"],
    name: string,
    ops: AclOperation[],
  ) => {
    for (const operation of ops) {
      const acl: ServiceAcl = {
        principal: principalOf(service),
        resourceType,
        resourceName: name,
        operation,
      };
      acls.set(formatAcl(acl), acl);
    }
  };
  for (const service of services.sort()) {
    const produced = new Set(allContracts.filter((c) => c.service === service).map((c) => c.topic));
    for (const topic of [...produced].sort())
      add(service, "TOPIC", `${prefix}${topic}`, ["WRITE", "DESCRIBE"]);
    for (const consumer of consumers.filter((c) => c.service === service)) {
      const consumed = [...new Set(consumer.contracts.map((c) => c.topic))].sort();
      for (const topic of consumed) add(service, "TOPIC", `${prefix}${topic}`, ["READ", "DESCRIBE"]);
      for (const topic of consumed)
        add(service, "TOPIC", dlqTopicOf(`${prefix}${topic}`), ["WRITE", "READ", "DESCRIBE"]);
      add(service, "GROUP", `${prefix}${consumer.groupId}`, ["READ", "DESCRIBE"]);
      // The DLQ replay's own group (read from the start each time, deleted afterwards).
      add(service, "GROUP", deadLetterReplayGroup(prefix, consumer.groupId), ["READ", "DESCRIBE", "DELETE"]);
    }
    add(service, "CLUSTER", "kafka-cluster", ["IDEMPOTENT_WRITE"]);
  }
  return [...acls.values()];
}

/** kafkajs' form of one rule: literal pattern, any host, ALLOW. */
export function toKafkaAcl(acl: ServiceAcl): AclEntry {
  return {
    principal: acl.principal,
    host: "*",
    resourceType: AclResourceTypes[acl.resourceType],
    resourceName: acl.resourceName,
    resourcePatternType: ResourcePatternTypes.LITERAL,
    operation: AclOperationTypes[acl.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/** Creates the rules (as a super user); an existing identical rule is left as it is, so a rerun changes nothing. */
export async function applyAcls(kafka: Kafka, acls: readonly ServiceAcl[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (acls.length) await admin.createAcls({ acl: acls.map(toKafkaAcl) });
  } finally {
    await admin.disconnect();
  }
}

/** One line per rule, as provision-acls prints it. */
export function formatAcl(acl: ServiceAcl): string {
  return `ALLOW ${acl.principal} ${acl.operation} ${acl.resourceType}:${acl.resourceName}`;
}
