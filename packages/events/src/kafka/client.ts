import { Kafka, logLevel, type LogEntry } from "kafkajs";
import type { Logger } from "@grassroots/kit";

/** kafkajs behind one factory, so the client library can be swapped in one place (TOOLCHAIN.md). */
export function createKafka(brokers: string[], clientId: string, logger: Logger): Kafka {
  // Every producer uses kafkajs 2's default partitioner; its one-time notice about that is noise.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= "1";
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator: () => (entry: LogEntry) => {
      const { message, ...extra } = entry.log;
      const level =
        entry.level <= logLevel.ERROR ? "error" : entry.level === logLevel.WARN ? "warn" : "debug";
      logger[level]({ kafka: entry.namespace, ...extra }, message);
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
