import { Kafka, logLevel } from "kafkajs";
import type { Logger } from "@grassroots/kit";
import { kafkaLogPolicy } from "./kafka-log";
import { kafkajsSecurity, type KafkaSecurity } from "./security";

export interface KafkaClientOptions {
  /** PLAINTEXT when absent (development and tests); SASL_SSL with SCRAM-SHA-512 on a shared cluster. */
  security?: KafkaSecurity;
}

/** kafkajs behind one factory, so the client library can be swapped in one place (TOOLCHAIN.md). */
export function createKafka(
  brokers: string[],
  clientId: string,
  logger: Logger,
  options: KafkaClientOptions = {},
): Kafka {
  // Every producer uses kafkajs 2's default partitioner; its one-time notice about that is noise.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= "1";
  return new Kafka({
    clientId,
    brokers,
    ...kafkajsSecurity(options.security ?? { protocol: "PLAINTEXT" }),
    logLevel: logLevel.WARN,
    // Retries capped at 1 s apart: after a broker outage, producers and consumers are back within
    // about a second (kafkajs' default cap of 30 s left the outbox waiting ~14 s after the broker returned).
    retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 8 },
    logCreator: () => {
      const policy = kafkaLogPolicy();
      return (entry) => {
        const line = policy(entry);
        if (line) logger[line.level](line.fields, line.message);
      };
    },
  });
}

/** Readiness check: the broker answers a metadata request. */
export async function checkKafka(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
