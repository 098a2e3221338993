import {
  createLogger,
  envBool,
  envList,
  kafkaSecurityEnv,
  kafkaSecurityIssues,
  loadConfigOrExit,
} from "@grassroots/kit";
import { z } from "zod";
import { applyAcls, formatAcl, serviceAcls } from "../kafka/acls";
import { createKafka } from "../kafka/client";
import { describeKafkaSecurity, kafkaSecurityOf } from "../kafka/security";

// Grants each service's principal its rights on a shared cluster (run as a super user, after the
// topics exist): writes only its own topics, reads only what it consumes. Prints every rule it applies.
const config = loadConfigOrExit(
  z
    .object({
      KAFKA_BROKERS: envList.default(["127.0.0.1:19092"]),
      KAFKA_TOPIC_PREFIX: z
        .string()
        .regex(/^[a-z0-9.-]*$/)
        .default(""),
      /** In front of each service's name: User:<prefix>personnel. */
      KAFKA_PRINCIPAL_PREFIX: z.string().default(""),
      /** Print the rules without applying them. */
      ACLS_DRY_RUN: envBool(false),
      ...kafkaSecurityEnv,
    })
    .superRefine((env, ctx) => {
      for (const issue of kafkaSecurityIssues(env))
        ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
    }),
);

async function main() {
  const acls = serviceAcls({
    prefix: config.KAFKA_TOPIC_PREFIX,
    principalPrefix: config.KAFKA_PRINCIPAL_PREFIX,
  });
  process.stdout.write(acls.map((acl) => `${formatAcl(acl)}\n`).join(""));
  if (config.ACLS_DRY_RUN) {
    console.error(`acls: ${acls.length} rules (dry run, nothing applied)`);
    return;
  }
  const security = kafkaSecurityOf(config);
  const logger = createLogger("provision-acls", "warn");
  await applyAcls(createKafka(config.KAFKA_BROKERS, "grassroots-provision-acls", logger, { security }), acls);
  console.error(
    `acls: ${acls.length} rules applied on ${config.KAFKA_BROKERS.join(",")} (${describeKafkaSecurity(security)})`,
  );
}

main().catch((error) => {
  console.error(`ACL provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
