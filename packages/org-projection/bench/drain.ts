import {
  consumerOf,
  createKafka,
  dlqTopicOf,
  EventConsumer,
  InboxEventHashes1765000000000,
  OrgUnitCreated,
  OutboxAndInbox1764100000000,
  toKafkaHeaders,
} from "@grassroots/events";
import { createDataSource, createLogger, metricsRegistry } from "@grassroots/kit";
import { createTestDatabase, testEnv } from "@grassroots/test-infra";
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import type { EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import {
  createOrgUnitProjectionTable,
  dropOrgUnitProjectionTable,
  OrgUnitProjectionEntity,
  orgUnitProjectionHandlers,
  TypeOrmOrgUnitProjection,
  type OrgUnitState,
} from "../src";

/**
 * #15: how fast a consumer with the org-projection handlers drains a backlog of OrgUnitCreated
 * events (a national import: ~640,000 units) into a throwaway database, batch or one by one.
 * `node bench/dist/bench/drain.js [--mode batch|message] [--units N] [--batch-size 500] [--partitions-at-once 1]`
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const mode = arg("mode", "batch") as "batch" | "message";
const units = Number(arg("units", mode === "batch" ? "640000" : "20000"));
const batchSize = Number(arg("batch-size", "500"));
const partitionsAtOnce = Number(arg("partitions-at-once", "1"));
const logger = createLogger("drain-bench", process.env.LOG_LEVEL ?? "warn");
const say = (text: string) => process.stdout.write(`${text}\n`);

class Projection1764100000000 implements MigrationInterface {
  name = "Projection1764100000000";
  up = (q: QueryRunner) => createOrgUnitProjectionTable(q);
  down = (q: QueryRunner) => dropOrgUnitProjectionTable(q);
}

/**
 * A national tree, parents before children as the import publishes them: cities (depth 0), 10
 * banners each, 20 townships per banner, 31 villages per township, until `count` units.
 */
function* nationalTree(count: number): Generator<OrgUnitState> {
  const unit = (
    parent: OrgUnitState | undefined,
    code: string,
    kind: OrgUnitState["kind"],
    name: string,
  ): OrgUnitState => {
    const id = randomUUID();
    return {
      id,
      code,
      name,
      kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? ""}${id}/`,
      postEstablished: kind !== "CITY" && kind !== "BANNER",
      registerCount: kind === "TOWN" ? 1200 : null,
      registerAsOf: null,
      active: true,
      isSample: false,
      version: 1,
    };
  };
  let made = 0;
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  for (let c = 0; ; c++) {
    const city = unit(undefined, `${pad(c, 4)}00000000`, "CITY", `市 ${c}`);
    yield city;
    if (++made >= count) return;
    for (let b = 1; b <= 10; b++) {
      const banner = unit(city, `${pad(c, 4)}${pad(b, 2)}000000`, "BANNER", `旗 ${c}-${b}`);
      yield banner;
      if (++made >= count) return;
      for (let t = 1; t <= 20; t++) {
        const town = unit(banner, `${pad(c, 4)}${pad(b, 2)}${pad(t, 3)}000`, "TOWN", `镇 ${c}-${b}-${t}`);
        yield town;
        if (++made >= count) return;
        for (let v = 1; v <= 31; v++) {
          yield unit(
            town,
            `${pad(c, 4)}${pad(b, 2)}${pad(t, 3)}${pad(v, 3)}`,
            "VILLAGE",
            `嘎查 ${c}-${b}-${t}-${v}`,
          );
          if (++made >= count) return;
        }
      }
    }
  }
}

async function handledSoFar(): Promise<number> {
  const { values } = await metricsRegistry.getSingleMetric("events_consumed_total")!.get();
  return values.reduce((sum, v) => sum + v.value, 0);
}

async function main() {
  const prefix = `drain-${process.pid}-${Date.now().toString(36)}.`;
  const topic = `${prefix}${OrgUnitCreated.topic}`;
  const kafka = createKafka(testEnv.kafkaBrokers, "drain-bench", logger);
  const admin = kafka.admin();
  await admin.connect();
  const topics = [topic, dlqTopicOf(topic)];
  await admin.createTopics({
    topics: topics.map((t) => ({ topic: t, numPartitions: 3 })),
    waitForLeaders: true,
  });
  const db = await createTestDatabase(`drain_${process.pid}`);
  const dataSource = createDataSource({
    url: db.url,
    poolSize: 4,
    entities: [OrgUnitProjectionEntity],
    migrations: [OutboxAndInbox1764100000000, InboxEventHashes1765000000000, Projection1764100000000],
    applicationName: "drain-bench",
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();

    const produceStart = Date.now();
    const producer = kafka.producer();
    await producer.connect();
    let messages: { key: string; value: string; headers: ReturnType<typeof toKafkaHeaders> }[] = [];
    const flush = async () => {
      if (messages.length) await producer.send({ topic, acks: -1, messages });
      messages = [];
    };
    const time = new Date().toISOString();
    for (const state of nationalTree(units)) {
      messages.push({
        key: state.id,
        value: JSON.stringify(state),
        headers: toKafkaHeaders({
          id: randomUUID(),
          source: "/grassroots/organization",
          type: OrgUnitCreated.type,
          subject: state.id,
          time,
        }),
      });
      if (messages.length >= 1000) await flush();
    }
    await flush();
    await producer.disconnect();
    say(
      `backlog: ${units} OrgUnitCreated events on ${topic} (3 partitions) in ${((Date.now() - produceStart) / 1000).toFixed(1)} s`,
    );

    const wiring = consumerOf(
      "drain",
      (manager: EntityManager) => ({ units: new TypeOrmOrgUnitProjection(manager) }),
      orgUnitProjectionHandlers(),
    );
    const consumer = new EventConsumer({
      kafka,
      dataSource,
      logger,
      groupId: wiring.groupId,
      handlers: wiring.handlers,
      topicPrefix: prefix,
      consumeBy: mode,
      batchSize,
      partitionsConsumedConcurrently: partitionsAtOnce,
    });
    const started = Date.now();
    await consumer.start();
    let first = 0;
    let last = 0;
    for (let seen = 0; seen < units;) {
      await new Promise((r) => setTimeout(r, 200));
      seen = await handledSoFar();
      if (seen > 0 && !first) first = Date.now();
      if (seen > last + units / 10) {
        last = seen;
        say(`  ${seen} handled, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }
    const done = Date.now();
    await consumer.stop();
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM org_unit`);
    const seconds = (done - first) / 1000;
    say(
      `drain (${mode}${mode === "batch" ? `, chunks of ${batchSize}` : ""}, ${partitionsAtOnce} partition(s) at once): ` +
        `${units} events in ${seconds.toFixed(1)} s from the first handled (${((done - started) / 1000).toFixed(1)} s from start) = ` +
        `${Math.round(units / seconds)} events/s; org_unit rows ${n}; ` +
        `640,000 at this rate: ${(640000 / (units / seconds) / 60).toFixed(1)} min; load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
    );
    const [{ dead }] = await dataSource.query(`SELECT ${units} - count(*)::int AS dead FROM inbox`);
    if (dead) throw new Error(`${dead} events not in the inbox (sent to the DLQ?)`);
    if (n !== units) throw new Error(`expected ${units} org_unit rows, found ${n}`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await db.drop();
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
