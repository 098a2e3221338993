import { readFileSync } from "node:fs";
import type { KafkaConfig } from "kafkajs";

/** How a client authenticates to the brokers: nothing (PLAINTEXT) or SCRAM-SHA-512 over TLS. */
export type KafkaSecurity =
  | { protocol: "PLAINTEXT" }
  | {
      protocol: "SASL_SSL";
      mechanism: "SCRAM-SHA-512";
      username: string;
      password: string;
      /** PEM file of the CA(s) the brokers' certificates are signed by; the system's CAs when unset. */
      caFile?: string;
    };

/** The environment's KAFKA_SECURITY_* / KAFKA_SASL_* / KAFKA_SSL_CA_FILE (kit's `kafkaSecurityEnv`). */
export interface KafkaSecurityEnv {
  KAFKA_SECURITY_PROTOCOL?: "PLAINTEXT" | "SASL_SSL";
  KAFKA_SASL_MECHANISM?: "SCRAM-SHA-512";
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SSL_CA_FILE?: string;
}

/** The security settings a parsed environment names (kit's schema has already checked the pairs). */
export function kafkaSecurityOf(env: KafkaSecurityEnv): KafkaSecurity {
  if ((env.KAFKA_SECURITY_PROTOCOL ?? "PLAINTEXT") === "PLAINTEXT") return { protocol: "PLAINTEXT" };
  if (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD)
    throw new Error("KAFKA_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
  return {
    protocol: "SASL_SSL",
    mechanism: env.KAFKA_SASL_MECHANISM ?? "SCRAM-SHA-512",
    username: env.KAFKA_SASL_USERNAME,
    password: env.KAFKA_SASL_PASSWORD,
    caFile: env.KAFKA_SSL_CA_FILE,
  };
}

/** kafkajs' `ssl` and `sasl` for these settings; the CA file is read once, here. */
export function kafkajsSecurity(security: KafkaSecurity): Pick<KafkaConfig, "ssl" | "sasl"> {
  if (security.protocol === "PLAINTEXT") return {};
  return {
    ssl: security.caFile ? { ca: [readFileSync(security.caFile, "utf8")] } : true,
    sasl: { mechanism: "scram-sha-512", username: security.username, password: security.password },
  };
}

/** What a log line may say about the settings: never the password. */
export function describeKafkaSecurity(security: KafkaSecurity): string {
  return security.protocol === "PLAINTEXT"
    ? "PLAINTEXT"
    : `SASL_SSL ${security.mechanism} as ${security.username}${security.caFile ? `, CA ${security.caFile}` : ""}`;
}
