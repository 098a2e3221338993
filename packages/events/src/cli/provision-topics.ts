import {
  createLogger,
  envInt,
  envList,
  kafkaSecurityEnv,
  kafkaSecurityIssues,
  loadConfigOrExit,
} from "@grassroots/kit";
import { z } from "zod";
import { createKafka } from "../kafka/client";
import { kafkaSecurityOf } from "../kafka/security";
import { provisionTopics, topicSpecs } from "../kafka/topics";

// Creates every topic the event contracts name (and its .dlq); run by infra/up.sh and the chart's hook.
const config = loadConfigOrExit(
  z
    .object({
      KAFKA_BROKERS: envList.default(["127.0.0.1:19092"]),
      TOPIC_PARTITIONS: envInt(3, 1),
      TOPIC_REPLICATION_FACTOR: envInt(1, 1),
      TOPIC_RETENTION_MS: envInt(7 * 24 * 3600 * 1000, 60_000),
      DLQ_RETENTION_MS: envInt(30 * 24 * 3600 * 1000, 60_000),
      KAFKA_TOPIC_PREFIX: z
        .string()
        .regex(/^[a-z0-9.-]*$/)
        .default(""),
      ...kafkaSecurityEnv,
    })
    .superRefine((env, ctx) => {
      for (const issue of kafkaSecurityIssues(env))
        ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
    }),
);

async function main() {
  const logger = createLogger("provision-topics", "warn");
  const kafka = createKafka(config.KAFKA_BROKERS, "grassroots-provision-topics", logger, {
    security: kafkaSecurityOf(config),
  });
  const specs = topicSpecs({
    partitions: config.TOPIC_PARTITIONS,
    replicationFactor: config.TOPIC_REPLICATION_FACTOR,
    retentionMs: config.TOPIC_RETENTION_MS,
    dlqRetentionMs: config.DLQ_RETENTION_MS,
    prefix: config.KAFKA_TOPIC_PREFIX,
  });
  const created = await provisionTopics(kafka, specs);
  console.error(
    `topics: ${specs.length} known, ${created.length} created${created.length ? `: ${created.join(", ")}` : ""}`,
  );
}

main().catch((error) => {
  console.error(`topic provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
