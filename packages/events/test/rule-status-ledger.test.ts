import { createDataSource } from "@grassroots/kit";
import { createTestDatabase } from "@grassroots/test-infra";
import { randomUUID } from "node:crypto";
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import {
  createRuleStatusTable,
  OrganizationRuleStatusChanged,
  OutboxAndInbox1764100000000,
  OutboxTraceContext1765300000000,
  PersonnelRuleStatusChanged,
  publishRuleStatusesIfChanged,
  publishRuleStatusIfChanged,
  republishRuleStatuses,
  RuleStatusPublishedEntity,
  TrainingRuleStatusChanged,
  type RuleStatusResult,
} from "../src";

class RuleStatusTable1764100000002 implements MigrationInterface {
  name = "RuleStatusTable1764100000002";
  async up(q: QueryRunner) {
    await createRuleStatusTable(q);
  }
  async down() {}
}

let dataSource: DataSource;
let drop: () => Promise<void>;
/** Every SQL statement the data source sends (TypeORM calls logQuery for each, logging on or off). */
const statements: string[] = [];

beforeAll(async () => {
  const db = await createTestDatabase("rulestatus");
  drop = db.drop;
  dataSource = createDataSource({
    url: db.url,
    poolSize: 4,
    entities: [RuleStatusPublishedEntity],
    migrations: [OutboxAndInbox1764100000000, OutboxTraceContext1765300000000, RuleStatusTable1764100000002],
    applicationName: "events-test",
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  dataSource.setOptions({
    logger: {
      logQuery: (query: string) => void statements.push(query),
      logQueryError() {},
      logQuerySlow() {},
      logSchemaBuild() {},
      logMigration() {},
      log() {},
    },
  });
});

afterAll(async () => {
  await dataSource.destroy();
  await drop();
});

function staffing(subjectUnitId: string, actual: number): RuleStatusResult {
  return {
    rule: "R3.township-staffing",
    subjectUnitId,
    subjectUnitPath: "/c/b/t/",
    period: null,
    status: actual >= 2 ? "MET" : "NOT_MET",
    figures: { required: 2, actual, registerCount: 1500 },
    reason: `needs 2 full-time statisticians, has ${actual}`,
    asOf: "2026-03-01T08:00:00.000Z",
  };
}

const publish = (result: RuleStatusResult) =>
  dataSource.transaction((m) => publishRuleStatusIfChanged(m, result));

async function outboxOf(subject: string) {
  return (await dataSource.query(`SELECT topic, type, key, data FROM outbox WHERE key = $1 ORDER BY seq`, [
    subject,
  ])) as { topic: string; type: string; key: string; data: Record<string, unknown> }[];
}

describe("rule status ledger", () => {
  it("#12: a first result publishes one event on the owning service's topic, keyed by the subject", async () => {
    const unit = randomUUID();
    expect(await publish(staffing(unit, 1))).toBe(true);
    const rows = await outboxOf(unit);
    expect(rows).toHaveLength(1);
    expect(rows[0].topic).toBe(PersonnelRuleStatusChanged.topic);
    expect(rows[0].type).toBe(PersonnelRuleStatusChanged.type);
    expect(rows[0].data).toEqual({ ...staffing(unit, 1), republished: false });
    const [ledger] = await dataSource.query(
      `SELECT period, status, figures, reason FROM rule_status_published WHERE subject_unit_id = $1`,
      [unit],
    );
    expect(ledger).toEqual({
      period: "",
      status: "NOT_MET",
      figures: { required: 2, actual: 1, registerCount: 1500 },
      reason: "needs 2 full-time statisticians, has 1",
    });
  });

  it("#12: the same result again (figures in another key order, a later asOf) writes and publishes nothing", async () => {
    const unit = randomUUID();
    await publish(staffing(unit, 1));
    const [before] = await dataSource.query(
      `SELECT as_of, published_at FROM rule_status_published WHERE subject_unit_id = $1`,
      [unit],
    );
    const again = {
      ...staffing(unit, 1),
      figures: { registerCount: 1500, actual: 1, required: 2 },
      asOf: "2026-04-01T08:00:00.000Z",
    };
    expect(await publish(again)).toBe(false);
    expect(await outboxOf(unit)).toHaveLength(1);
    const [after] = await dataSource.query(
      `SELECT as_of, published_at FROM rule_status_published WHERE subject_unit_id = $1`,
      [unit],
    );
    expect(after).toEqual(before);
  });

  it("#12: a flip publishes again, and so does a change of figures under the same status", async () => {
    const unit = randomUUID();
    await publish(staffing(unit, 1));
    expect(await publish(staffing(unit, 2))).toBe(true);
    expect(await publish(staffing(unit, 3))).toBe(true);
    const rows = await outboxOf(unit);
    expect(rows.map((r) => [r.data.status, (r.data.figures as { actual: number }).actual])).toEqual([
      ["NOT_MET", 1],
      ["MET", 2],
      ["MET", 3],
    ]);
    const [ledger] = await dataSource.query(
      `SELECT status, reason, as_of FROM rule_status_published WHERE subject_unit_id = $1`,
      [unit],
    );
    expect(ledger.status).toBe("MET");
    expect(ledger.reason).toBe("needs 2 full-time statisticians, has 3");
    // A moved unit's result follows it: the same figures under a new path are published once more.
    expect(await publish({ ...staffing(unit, 3), subjectUnitPath: "/c/b2/t/" })).toBe(true);
    expect((await outboxOf(unit)).at(-1)!.data.subjectUnitPath).toBe("/c/b2/t/");
  });

  it("#12: periods are kept apart: one subject's 2024 and 2025 results are separate rows", async () => {
    const banner = randomUUID();
    const coverage = (period: string, attended: number): RuleStatusResult => ({
      rule: "R6.banner-coverage",
      subjectUnitId: banner,
      subjectUnitPath: "/c/b/",
      period,
      status: attended >= 10 ? "MET" : "NOT_MET",
      figures: { staff: 10, attended, rate: (attended / 10).toFixed(2) },
      reason: `${attended} of 10 staff trained`,
      asOf: "2026-03-01T08:00:00.000Z",
    });
    expect(await publish(coverage("2024", 10))).toBe(true);
    expect(await publish(coverage("2025", 10))).toBe(true);
    expect(await publish(coverage("2024", 10))).toBe(false);
    const rows = await outboxOf(banner);
    expect(rows.map((r) => r.data.period)).toEqual(["2024", "2025"]);
    expect(rows.every((r) => r.topic === TrainingRuleStatusChanged.topic)).toBe(true);
  });

  it("#12: a result that fails the contract throws and leaves neither a ledger row nor an outbox row", async () => {
    const unit = randomUUID();
    const bad = { ...staffing(unit, 1), figures: { rate: 0.5 } };
    await expect(publish(bad)).rejects.toThrow();
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM rule_status_published WHERE subject_unit_id = $1`,
      [unit],
    );
    expect(n).toBe(0);
    expect(await outboxOf(unit)).toHaveLength(0);
  });

  it("#12: a rolled-back transaction leaves the ledger as it was, so the result is published at the next try", async () => {
    const unit = randomUUID();
    await expect(
      dataSource.transaction(async (m) => {
        await publishRuleStatusIfChanged(m, staffing(unit, 1));
        throw new Error("the business change failed");
      }),
    ).rejects.toThrow("the business change failed");
    expect(await outboxOf(unit)).toHaveLength(0);
    expect(await publish(staffing(unit, 1))).toBe(true);
  });

  it("#12: two transactions publishing the same first result at once publish it once", async () => {
    const unit = randomUUID();
    const results = await Promise.all([publish(staffing(unit, 1)), publish(staffing(unit, 1))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await outboxOf(unit)).toHaveLength(1);
  });

  it("#12: a batch publishes only the results that differ (new or changed), and an unchanged batch nothing", async () => {
    const [same, changed, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    await publish(staffing(same, 2));
    await publish(staffing(changed, 1));
    const [before] = await dataSource.query(
      `SELECT published_at FROM rule_status_published WHERE subject_unit_id = $1`,
      [same],
    );
    const batch = [
      { ...staffing(same, 2), figures: { registerCount: 1500, required: 2, actual: 2 } },
      staffing(changed, 2),
      staffing(fresh, 0),
    ];
    expect(await dataSource.transaction((m) => publishRuleStatusesIfChanged(m, batch))).toBe(2);
    expect(await outboxOf(same)).toHaveLength(1);
    expect((await outboxOf(changed)).map((r) => r.data.status)).toEqual(["NOT_MET", "MET"]);
    expect((await outboxOf(fresh)).map((r) => r.data.status)).toEqual(["NOT_MET"]);
    const [after] = await dataSource.query(
      `SELECT published_at FROM rule_status_published WHERE subject_unit_id = $1`,
      [same],
    );
    expect(after).toEqual(before);
    // Nothing changed: one read for the whole batch, no upsert, no outbox row.
    const start = statements.length;
    expect(await dataSource.transaction((m) => publishRuleStatusesIfChanged(m, batch))).toBe(0);
    const sent = statements.slice(start).filter((q) => !/^(START TRANSACTION|COMMIT|BEGIN)/i.test(q));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^SELECT/);
    expect(await dataSource.transaction((m) => publishRuleStatusesIfChanged(m, []))).toBe(0);
  });

  it("#15: a batch that differs is written set-wise: the same statements for 3 subjects as for 300, events in order", async () => {
    const written = async (batch: RuleStatusResult[]) => {
      const start = statements.length;
      const published = await dataSource.transaction((m) => publishRuleStatusesIfChanged(m, batch));
      const sent = statements.slice(start).filter((q) => !/^(START TRANSACTION|COMMIT|BEGIN)/i.test(q));
      return { published, sent: sent.length };
    };
    const subjects = (n: number) => Array.from({ length: n }, () => randomUUID());
    const few = subjects(3);
    const many = subjects(300);
    const a = await written(few.map((s) => staffing(s, 0)));
    const b = await written(many.map((s) => staffing(s, 0)));
    expect([a.published, b.published]).toEqual([3, 300]);
    expect(b.sent).toBe(a.sent);
    // Each subject's event is there once, in the order the results came.
    const rows = (await dataSource.query(`SELECT key FROM outbox WHERE key = ANY($1) ORDER BY seq`, [
      many,
    ])) as { key: string }[];
    expect(rows.map((r) => r.key)).toEqual(many);
    // A subject twice in one batch, both differing from the ledger: each is published in turn, as
    // one by one would (the set-wise write would keep only the last).
    const [twice] = subjects(1);
    await publish(staffing(twice, 0));
    expect(await written([staffing(twice, 2), staffing(twice, 1)])).toMatchObject({ published: 2 });
    expect((await outboxOf(twice)).map((r) => r.data.figures)).toMatchObject([
      { actual: 0 },
      { actual: 2 },
      { actual: 1 },
    ]);
  });

  it("#12: the database refuses a row outside the contract (unknown status, bad period)", async () => {
    const insert = (status: string, period: string) =>
      dataSource.query(
        `INSERT INTO rule_status_published (rule, subject_unit_id, subject_unit_path, period, status, figures, reason, as_of)
         VALUES ('R1.post-established', $1, '/c/', $2, $3, '{}', 'x', now())`,
        [randomUUID(), period, status],
      );
    await expect(insert("MAYBE", "")).rejects.toThrow(/rule_status_published_status_check/);
    await expect(insert("MET", "24")).rejects.toThrow(/rule_status_published_period_check/);
  });

  it("#12: republish sends every stored current result of the given rules with republished: true", async () => {
    const units = [randomUUID(), randomUUID(), randomUUID()];
    for (const unit of units) await publish(staffing(unit, 1));
    await publish(staffing(units[0], 2)); // the current result, not the first
    const post = randomUUID();
    await publish({
      rule: "R1.post-established",
      subjectUnitId: post,
      subjectUnitPath: "/c/b/t/",
      period: null,
      status: "MET",
      figures: { established: true },
      reason: "the statistics post is established",
      asOf: "2026-03-01T08:00:00.000Z",
    });
    const [{ stored }] = await dataSource.query(
      `SELECT count(*)::int AS stored FROM rule_status_published WHERE rule = 'R3.township-staffing'`,
    );
    const [{ seq }] = await dataSource.query(`SELECT coalesce(max(seq), 0)::int AS seq FROM outbox`);

    const count = await dataSource.transaction((m) => republishRuleStatuses(m, ["R3.township-staffing"]));

    expect(count).toBe(stored);
    const sent = (await dataSource.query(`SELECT topic, key, data FROM outbox WHERE seq > $1`, [seq])) as {
      topic: string;
      key: string;
      data: Record<string, unknown>;
    }[];
    expect(sent).toHaveLength(stored);
    expect(
      sent.every((r) => r.data.republished === true && r.topic === PersonnelRuleStatusChanged.topic),
    ).toBe(true);
    expect(sent.find((r) => r.key === units[0])!.data).toEqual({
      ...staffing(units[0], 2),
      republished: true,
    });
    expect(sent.find((r) => r.key === post)).toBeUndefined();

    const all = await dataSource.transaction((m) => republishRuleStatuses(m));
    const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM rule_status_published`);
    expect(all).toBe(total);
    const [org] = await dataSource.query(
      `SELECT topic, data FROM outbox WHERE key = $1 AND (data->>'republished')::boolean`,
      [post],
    );
    expect(org.topic).toBe(OrganizationRuleStatusChanged.topic);
    expect(org.data.period).toBeNull();
  });
});
