import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createLogger, loadConfig, serviceEnvSchema } from "@grassroots/kit";
import { Kafka, logLevel, type Consumer } from "kafkajs";
import { allContracts, OrgUnitCreated, PrePostCertificateIssued } from "../src/contracts";
import { dlqTopicOf } from "../src/contracts/contract";
import { applyAcls, serviceAcls, toKafkaAcl, type ServiceAcl } from "../src/kafka/acls";
import { toKafkaHeaders } from "../src/contracts/envelope";
import { consumerOf, handle } from "../src/inbox/domain-handler";
import { EventConsumer } from "../src/inbox/event-consumer";
import { createKafka } from "../src/kafka/client";
import { declaredConsumers } from "../src/kafka/consumer-groups";
import { describeKafkaSecurity, kafkaSecurityOf } from "../src/kafka/security";
import { provisionTopics, topicSpecs } from "../src/kafka/topics";
import type { EntityManager } from "typeorm";
import { openDatabase } from "./support";

// Kafka as a shared cluster (issue 14): the private SASL_SSL broker of infra/kafka-secure.sh, with the
// KRaft authorizer and the ACLs provision-acls computes from the contracts. Every refusal is the broker's.
const root = resolve(__dirname, "../../..");
const script = join(root, "infra/kafka-secure.sh");
const stateDir = join(root, ".local/kafka-secure");
const broker = `127.0.0.1:${process.env.KAFKA_SECURE_PORT ?? "19094"}`;
const caFile = join(stateDir, "tls/ca.pem");
const logger = createLogger("kafka-security-test", process.env.LOG_LEVEL ?? "silent");
const prefix = `sec${Date.now().toString(36)}.`;
const topic = (name: string) => `${prefix}${name}`;
const certificateTopic = topic(PrePostCertificateIssued.topic); // grassroots.training.certificate.v1
const orgUnitTopic = topic(OrgUnitCreated.topic);
const disbursementTopic = topic("grassroots.finance.disbursement.v1");
const started = Date.now();

let passwords: Record<string, string> = {};
let acls: ServiceAcl[] = [];
const clients: { disconnect(): Promise<void> }[] = [];

function kafkaAs(user: string, password = passwords[user]!): Kafka {
  const env = { KAFKA_SECURITY_PROTOCOL: "SASL_SSL" as const, KAFKA_SASL_USERNAME: user };
  return createKafka([broker], `sec-test-${user}`, logger, {
    security: kafkaSecurityOf({ ...env, KAFKA_SASL_PASSWORD: password, KAFKA_SSL_CA_FILE: caFile }),
  });
}

async function send(user: string, to: string, password?: string) {
  const producer = kafkaAs(user, password).producer({ idempotent: true, maxInFlightRequests: 1 });
  clients.push(producer);
  await producer.connect();
  await producer.send({ topic: to, messages: [{ key: "k", value: `from ${user}` }] });
}

async function endOffset(name: string): Promise<number> {
  const admin = kafkaAs("admin").admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(name)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** A consumer of `user` in `group` on `topics`: resolves with the first message, rejects with the broker's refusal. */
async function firstMessage(user: string, group: string, topics: string[]): Promise<string> {
  const consumer: Consumer = kafkaAs(user).consumer({
    groupId: group,
    retry: { retries: 0, restartOnFailure: async () => false },
  });
  clients.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  return new Promise<string>((resolveMessage, reject) => {
    consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
    consumer.run({ eachMessage: async ({ message }) => resolveMessage(String(message.value)) }).catch(reject);
  });
}

/** The broker's error code behind what kafkajs threw (it wraps some in KafkaJSNonRetriableError). */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  let e = error as { type?: string; cause?: unknown; originalError?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.type) return e.type;
    e = (e.cause ?? e.originalError) as typeof e;
  }
  return error ? `no broker error code: ${String(error)}` : "not refused";
}

/** The broker's authorizer logged a denial of `operation` (a regex: WRITE|DESCRIBE) on `resource` to `user`. */
function authorizerDenied(user: string, operation: string, resource: string): boolean {
  const denied = new RegExp(`Principal = User:${user} is Denied operation = (${operation}) `);
  const log = readFileSync(join(stateDir, "logs/authorizer.log"), "utf8");
  return log.split("\n").some((line) => denied.test(line) && line.includes(`resource = ${resource} `));
}

beforeAll(async () => {
  execFileSync("bash", [script, "start"], { stdio: ["ignore", "ignore", "inherit"], timeout: 150_000 });
  passwords = Object.fromEntries(
    readFileSync(join(stateDir, "users.properties"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split("=") as [string, string]),
  );
  const admin = kafkaAs("admin");
  const specs = topicSpecs({
    partitions: 1,
    replicationFactor: 1,
    retentionMs: 3_600_000,
    dlqRetentionMs: 3_600_000,
    prefix,
  });
  const wanted = new Set([orgUnitTopic, certificateTopic, disbursementTopic]);
  await provisionTopics(
    admin,
    specs.filter((s) => wanted.has(s.topic) || wanted.has(s.topic.replace(/\.dlq$/, ""))),
  );
  acls = serviceAcls({ prefix });
  await applyAcls(admin, acls);
}, 180_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.disconnect().catch(() => undefined)));
});

afterAll(async () => {
  try {
    // This run's rules and topics go; the broker's state dir stays for the next run.
    const admin = kafkaAs("admin").admin();
    await admin.connect();
    await admin.deleteAcls({ filters: acls.map(toKafkaAcl) }).catch(() => undefined);
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  } finally {
    execFileSync("bash", [script, "stop"], { stdio: "ignore", timeout: 60_000 });
    console.error(
      `kafka-security: ${acls.length} ACLs, run time ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}, 90_000);

describe("Kafka security settings (kit's serviceEnvSchema)", () => {
  const base = {
    DATABASE_URL: "postgres://u:p@127.0.0.1:5433/db",
    KAFKA_BROKERS: "127.0.0.1:19092",
    INTERNAL_SECRET: "0123456789abcdef0123",
  };

  test("PLAINTEXT by default: dev and test settings change nothing", () => {
    const config = loadConfig(serviceEnvSchema, base);
    expect(kafkaSecurityOf(config)).toEqual({ protocol: "PLAINTEXT" });
  });

  test("SASL_SSL without a username is refused, naming the variable and never the password", () => {
    const env = { ...base, KAFKA_SECURITY_PROTOCOL: "SASL_SSL", KAFKA_SASL_PASSWORD: "s3cret-pass-word" };
    expect(() => loadConfig(serviceEnvSchema, env)).toThrow(/KAFKA_SASL_USERNAME: is required/);
    expect(() => loadConfig(serviceEnvSchema, env)).not.toThrow(/s3cret-pass-word/);
  });

  test("SASL_SSL settings become SCRAM-SHA-512 over TLS; their description leaves the password out", () => {
    const env = {
      ...base,
      KAFKA_SECURITY_PROTOCOL: "SASL_SSL",
      KAFKA_SASL_USERNAME: "personnel",
      KAFKA_SASL_PASSWORD: "s3cret-pass-word",
    };
    const security = kafkaSecurityOf(loadConfig(serviceEnvSchema, env));
    expect(security).toMatchObject({
      protocol: "SASL_SSL",
      mechanism: "SCRAM-SHA-512",
      username: "personnel",
    });
    expect(describeKafkaSecurity(security)).toBe("SASL_SSL SCRAM-SHA-512 as personnel");
  });
});

describe("ACLs from the contracts", () => {
  test("the declared consumers match every service's consumer wiring (the services' built dist)", () => {
    for (const service of ["organization", "personnel", "training", "finance", "evaluation"]) {
      const file = join(root, `services/${service}/dist/events/consumers.js`);
      const declared = declaredConsumers.filter((c) => c.service === service);
      if (service === "organization") {
        expect(existsSync(file)).toBe(false); // organization consumes nothing
        expect(declared).toEqual([]);
        continue;
      }
      expect({ file, built: existsSync(file) }).toEqual({ file, built: true }); // `pnpm -r build` first
      // A module registry of its own: the built events package registers the metrics this file's
      // source imports registered already (one registry per copy of the kit).
      let mod: Record<string, unknown> = {};
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        mod = require(file) as Record<string, unknown>;
      });
      const factory = Object.entries(mod).find(
        ([name, v]) => name.endsWith("Consumer") && typeof v === "function",
      );
      // The factory only lists handlers; what it is given is used when an event is handled, never here.
      const unused = () => {
        throw new Error("not used to list handlers");
      };
      const wiring = (
        factory![1] as (...a: unknown[]) => { groupId: string; handlers: { contract: { topic: string } }[] }
      )(unused, unused);
      expect(declared.map((c) => c.groupId)).toEqual([wiring.groupId]);
      // The ACLs are per topic: the topics the table lets it read are those its handlers subscribe to.
      const topicsOf = (contracts: { topic: string }[]) => [...new Set(contracts.map((c) => c.topic))].sort();
      expect([service, topicsOf(declared[0]!.contracts)]).toEqual([
        service,
        topicsOf(wiring.handlers.map((h) => h.contract)),
      ]);
    }
  });

  test("a service may write only its own topics and the DLQs of what it consumes", () => {
    for (const acl of acls.filter((a) => a.operation === "WRITE")) {
      const service = acl.principal.replace("User:", "");
      const name = acl.resourceName.slice(prefix.length);
      if (name.endsWith(".dlq")) {
        const consumed = declaredConsumers
          .find((c) => c.service === service)!
          .contracts.map((c) => dlqTopicOf(c.topic));
        expect(consumed).toContain(name);
      } else {
        expect(allContracts.filter((c) => c.topic === name).map((c) => c.service)).toContain(service);
      }
    }
    const writers = acls.filter((a) => a.resourceName === certificateTopic && a.operation === "WRITE");
    expect(writers.map((a) => a.principal)).toEqual(["User:training"]);
    const readers = acls.filter((a) => a.resourceName === certificateTopic && a.operation === "READ");
    expect(readers.map((a) => a.principal)).toEqual(["User:personnel"]);
  });
});

describe("the secured broker (SASL_SSL, SCRAM-SHA-512, KRaft authorizer)", () => {
  test("a client without credentials is refused", async () => {
    const anonymous = new Kafka({
      brokers: [broker],
      ssl: { ca: [readFileSync(caFile, "utf8")] },
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    const admin = anonymous.admin();
    clients.push(admin);
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow(
      /Closed connection|Connection/,
    );
  });

  test("a wrong password is refused", async () => {
    const before = await endOffset(orgUnitTopic);
    await expect(send("organization", orgUnitTopic, "not-the-password")).rejects.toMatchObject({
      name: "KafkaJSSASLAuthenticationError",
    });
    expect(await endOffset(orgUnitTopic)).toBe(before);
  });

  test("organization's principal writes organization's topics", async () => {
    const before = await endOffset(orgUnitTopic);
    await send("organization", orgUnitTopic);
    expect(await endOffset(orgUnitTopic)).toBe(before + 1);
  });

  test("R7: only training writes certificate.issued, and personnel reads it in its own group", async () => {
    await send("training", certificateTopic);
    await expect(firstMessage("personnel", topic("personnel"), [certificateTopic])).resolves.toBe(
      "from training",
    );
  });

  test.each(["personnel", "organization"])(
    "R7: a certificate.issued forged by %s is refused by the broker (TOPIC_AUTHORIZATION_FAILED), nothing written",
    async (forger) => {
      const before = await endOffset(certificateTopic);
      expect(await refusal(send(forger, certificateTopic))).toBe("TOPIC_AUTHORIZATION_FAILED");
      expect(await endOffset(certificateTopic)).toBe(before);
      // personnel may see the topic (it reads it) and is refused WRITE; organization may not even see it.
      expect(authorizerDenied(forger, "WRITE|DESCRIBE", `Topic:LITERAL:${certificateTopic}`)).toBe(true);
    },
  );

  test("personnel's principal cannot read a topic it does not consume (finance's disbursements)", async () => {
    await expect(firstMessage("personnel", topic("personnel"), [disbursementTopic])).rejects.toMatchObject({
      type: "TOPIC_AUTHORIZATION_FAILED",
    });
    expect(authorizerDenied("personnel", "DESCRIBE", `Topic:LITERAL:${disbursementTopic}`)).toBe(true);
  });

  test("a consumer in a group it has no rights to (personnel in training's group) is refused", async () => {
    const group = topic("training.projections");
    await expect(firstMessage("personnel", group, [orgUnitTopic])).rejects.toThrow(/group coordinator/);
    expect(authorizerDenied("personnel", "DESCRIBE", `Group:LITERAL:${group}`)).toBe(true);
    // The same consumer in its own group reads the topic: the group, not the topic, was refused.
    await expect(firstMessage("personnel", topic("personnel"), [orgUnitTopic])).resolves.toMatch(/^from /);
  });
});

describe("personnel's inbox consumer as its principal", () => {
  test("R7: applies training's certificate.issued and parks a malformed one in the DLQ it may write", async () => {
    const { db, dataSource } = await openDatabase();
    const applied: string[] = [];
    const wiring = consumerOf<EntityManager>("personnel", (manager) => manager, [
      handle(PrePostCertificateIssued, async (event, manager) => {
        await manager.query(`INSERT INTO widget_effect (widget_id, n) VALUES ($1, 1)`, [event.id]);
        applied.push(event.id);
      }),
    ]);
    const consumer = new EventConsumer({
      kafka: kafkaAs("personnel"),
      dataSource,
      groupId: wiring.groupId,
      handlers: wiring.handlers,
      logger,
      topicPrefix: prefix,
      retry: { attempts: 1, initialMs: 10, maxMs: 10 },
    });
    const dlq = dlqTopicOf(certificateTopic);
    const dlqBefore = await endOffset(dlq);
    try {
      await consumer.start();
      const id = randomUUID();
      const data = {
        certificateId: randomUUID(),
        certificateNumber: "PP-2026-0001",
        statisticianId: randomUUID(),
        sessionId: randomUUID(),
        organizerUnitId: randomUUID(),
        kind: "PRE_POST",
        completedOn: "2026-11-30",
      };
      const producer = kafkaAs("training").producer({ idempotent: true, maxInFlightRequests: 1 });
      clients.push(producer);
      await producer.connect();
      const headers = toKafkaHeaders({
        id,
        source: "/grassroots/training",
        type: PrePostCertificateIssued.type,
        time: new Date().toISOString(),
      });
      await producer.send({
        topic: certificateTopic,
        messages: [
          { key: data.statisticianId, value: JSON.stringify(data), headers },
          { key: data.statisticianId, value: "{ not json", headers: { ...headers, ce_id: randomUUID() } },
        ],
      });
      const until = Date.now() + 30_000;
      while ((!applied.includes(id) || (await endOffset(dlq)) === dlqBefore) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 200));
      expect(applied).toContain(id);
      const rows = await dataSource.query(
        `SELECT count(*)::int AS n FROM widget_effect WHERE widget_id = $1`,
        [id],
      );
      expect(rows[0].n).toBe(1);
      expect(await endOffset(dlq)).toBe(dlqBefore + 1);
    } finally {
      await consumer.stop();
      await dataSource.destroy();
      await db.drop();
    }
  }, 60_000);
});
