import { z } from "zod";
import { tracingEnv } from "../tracing/tracing-config";
import { envBool, envInt, envList, envPort, envUrl, logLevel, nodeEnv } from "./env-types";

/**
 * How a client reaches Kafka: PLAINTEXT (development, tests) or SASL_SSL with SCRAM-SHA-512 (a shared
 * cluster: one principal per service, TLS trusting KAFKA_SSL_CA_FILE or the system's CAs).
 * Spread into every schema that builds a Kafka client; `kafkaSecurityIssues` checks the pairs.
 */
export const kafkaSecurityEnv = {
  // Unset means PLAINTEXT and SCRAM-SHA-512 (optional, not defaulted: a config written as a literal,
  // as the test harness does, needs neither).
  KAFKA_SECURITY_PROTOCOL: z.enum(["PLAINTEXT", "SASL_SSL"]).optional(),
  KAFKA_SASL_MECHANISM: z.enum(["SCRAM-SHA-512"]).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** PEM file of the CA(s) the broker's certificate is signed by; the system's CAs when unset. */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
};

/** SASL_SSL needs a username and a password (the messages name the variable, never its value). */
export function kafkaSecurityIssues(env: {
  KAFKA_SECURITY_PROTOCOL?: string;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}): { path: string; message: string }[] {
  if (env.KAFKA_SECURITY_PROTOCOL !== "SASL_SSL") return [];
  return (["KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"] as const)
    .filter((key) => !env[key])
    .map((key) => ({ path: key, message: "is required when KAFKA_SECURITY_PROTOCOL is SASL_SSL" }));
}

/**
 * The environment every subgraph reads. A service adds its own keys with `.extend({...})`.
 * Secrets have no defaults outside development so that a production pod without them refuses to start.
 */
export const serviceEnvSchema = z
  .object({
    NODE_ENV: nodeEnv,
    PORT: envPort(4001),
    /** Interface to listen on: loopback by default (a laptop's network cannot reach it); pods set 0.0.0.0. */
    HOST: z.string().min(1).default("127.0.0.1"),
    LOG_LEVEL: logLevel,
    DATABASE_URL: envUrl(["postgres", "postgresql"]),
    DATABASE_POOL_SIZE: envInt(10, 1),
    MIGRATE_ON_START: envBool(false),
    KAFKA_BROKERS: envList,
    KAFKA_CLIENT_ID: z.string().min(1).optional(),
    /** Prepended to every topic name: separates environments or test runs that share one broker. */
    KAFKA_TOPIC_PREFIX: z
      .string()
      .regex(/^[a-z0-9.-]*$/, "only lowercase letters, digits, dots and dashes")
      .default(""),
    ...kafkaSecurityEnv,
    INTERNAL_SECRET: z.string().min(16, "must be at least 16 characters"),
    OUTBOX_POLL_MS: envInt(200, 10),
    /** Outbox rows the relay reads and sends in one Kafka request (a bulk import's backlog drains by these). */
    OUTBOX_BATCH_SIZE: envInt(500, 1),
    SHUTDOWN_TIMEOUT_MS: envInt(10000, 100),
    /** Largest request body: an import's 5 MB file arrives base64-encoded (~6.7 MB) inside GraphQL. */
    BODY_LIMIT_BYTES: envInt(8_000_000, 1024),
    ...tracingEnv,
  })
  .superRefine(
    (env, ctx) => {
      if (env.NODE_ENV === "production" && env.MIGRATE_ON_START) {
        ctx.addIssue({
          code: "custom",
          path: ["MIGRATE_ON_START"],
          message: "must be false in production: run migrations as a separate step",
        });
      }
      for (const issue of kafkaSecurityIssues(env))
        ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
    },
    // zod skips refinements once any field fails to parse; run anyway so every problem is listed.
    { when: () => true },
  );

export type ServiceEnv = z.output<typeof serviceEnvSchema>;
