import type { Kafka, KafkaMessage } from "kafkajs";
import { dlqTopicOf } from "../contracts/contract";
import { DeadLetterHeader } from "./dead-letter";

/** What a replay did with the DLQ copies it read. */
export interface ReplayReport {
  group: string;
  /** Copies on the DLQ topics when the replay began. */
  read: number;
  /** Copies for this consumer group, handled now. */
  replayed: number;
  /** Copies for this group whose event the inbox already holds (handled since, or replayed before). */
  alreadyHandled: number;
  /** Copies for this group that failed again: they stay on the DLQ, with the reason in the log. */
  failedAgain: number;
  /** Copies another consumer group dead-lettered: left to that group's replay. */
  otherGroups: number;
}

export interface ReplayTarget {
  kafka: Kafka;
  groupId: string;
  topicPrefix: string;
  /** The topics the group consumes (prefixed): their `<topic>.dlq` are read. */
  topics: string[];
  /** Handles one copy as it was first delivered (original topic, partition, offset). */
  apply(topic: string, partition: number, message: KafkaMessage): Promise<"handled" | "duplicate">;
  onFailure(error: unknown, copy: { topic: string; offset: string }): void;
}

const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

/**
 * The replay's consumer group: one fixed name per group, so a shared cluster's ACLs can grant it
 * (run one replay of a group at a time); it never commits and is deleted after each replay.
 */
export const deadLetterReplayGroup = (topicPrefix: string, groupId: string) =>
  `${topicPrefix}${groupId}.dlq-replay`;

/**
 * Reads every `<topic>.dlq` of a consumer group from the beginning up to where it ended when the replay
 * began, and hands each copy *that group* dead-lettered back to its handler through the inbox (so a
 * copy handled before is a no-op). Uses a consumer group of its own that never commits, deleted
 * afterwards: a replay never moves the service's own offsets, and can be run again after a fix.
 */
export async function replayDeadLetters(target: ReplayTarget): Promise<ReplayReport> {
  const report: ReplayReport = {
    group: target.groupId,
    read: 0,
    replayed: 0,
    alreadyHandled: 0,
    failedAgain: 0,
    otherGroups: 0,
  };
  const admin = target.kafka.admin();
  await admin.connect();
  const replayGroup = deadLetterReplayGroup(target.topicPrefix, target.groupId);
  try {
    const existing = new Set(await admin.listTopics());
    const dlqTopics = target.topics.map(dlqTopicOf).filter((t) => existing.has(t));
    // Per topic-partition, the last offset to read (high watermark - 1); empty partitions are left out.
    const remaining = new Map<string, bigint>();
    for (const topic of dlqTopics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high) - 1n);
      }
    }
    if (remaining.size === 0) return report;
    const consumer = target.kafka.consumer({ groupId: replayGroup, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: dlqTopics, fromBeginning: true });
      await new Promise<void>((done, fail) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ topic, partition, message }) => {
              const slot = `${topic}:${partition}`;
              const last = remaining.get(slot);
              if (last === undefined || BigInt(message.offset) > last) return;
              report.read++;
              await replayOne(target, report, topic, message);
              if (BigInt(message.offset) >= last) remaining.delete(slot);
              if (remaining.size === 0) done();
            },
          })
          .catch(fail);
      });
    } finally {
      await consumer.disconnect();
    }
    await admin.deleteGroups([replayGroup]).catch(() => undefined);
    return report;
  } finally {
    await admin.disconnect();
  }
}

async function replayOne(
  target: ReplayTarget,
  report: ReplayReport,
  dlqTopic: string,
  message: KafkaMessage,
) {
  if (header(message, DeadLetterHeader.group) !== target.groupId) {
    report.otherGroups++;
    return;
  }
  const topic = header(message, DeadLetterHeader.topic) ?? dlqTopic.replace(/\.dlq$/, "");
  const partition = Number(header(message, DeadLetterHeader.partition) ?? 0);
  const original = { ...message, offset: header(message, DeadLetterHeader.offset) ?? message.offset };
  try {
    const outcome = await target.apply(topic, partition, original);
    if (outcome === "handled") report.replayed++;
    else report.alreadyHandled++;
  } catch (error) {
    report.failedAgain++;
    target.onFailure(error, { topic: dlqTopic, offset: message.offset });
  }
}
