import type { Kafka } from "kafkajs";
import { allTopics, dlqTopicOf } from "../contracts";

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  retentionMs: number;
  dlqRetentionMs: number;
  /** KAFKA_TOPIC_PREFIX of the environment the topics are for. */
  prefix?: string;
}

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configEntries: { name: string; value: string }[];
}

/** Every topic the contracts name, plus its dead-letter topic. */
export function topicSpecs(settings: TopicSettings): TopicSpec[] {
  return allTopics()
    .map((topic) => `${settings.prefix ?? ""}${topic}`)
    .flatMap((topic) => [
      {
        topic,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor,
        configEntries: [{ name: "retention.ms", value: String(settings.retentionMs) }],
      },
      {
        topic: dlqTopicOf(topic),
        numPartitions: 1,
        replicationFactor: settings.replicationFactor,
        configEntries: [{ name: "retention.ms", value: String(settings.dlqRetentionMs) }],
      },
    ]);
}

/** Creates missing topics; existing ones are left as they are. Returns the names created. */
export async function provisionTopics(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length) await admin.createTopics({ topics: missing, waitForLeaders: true });
    return missing.map((s) => s.topic);
  } finally {
    await admin.disconnect();
  }
}
