import { TrainingRuleStatusChanged } from "@grassroots/events";
import { COUNTY_KINDS } from "../src/domain/directory";
import {
  as,
  CITY,
  cityAdmin,
  DALATE,
  dalateAdmin,
  idOf,
  SHULINZHAO,
  startHarness,
  type Appointment,
  type Harness,
} from "./support/harness";
import { completedSession, ok, RECORD_ALL, result } from "./support/operations";

const REPUBLISH = `mutation { republishTrainingRuleStatuses }`;

interface RuleEvent {
  key: string;
  data: {
    rule: string;
    period: string | null;
    status: string;
    figures: Record<string, unknown>;
    reason: string;
    republished: boolean;
  };
}

let h: Harness;
let a: Appointment, b: Appointment;
let comprehensiveId: string;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  [a, b] = await h.appoint([
    { unitCode: SHULINZHAO, name: "甲" },
    { unitCode: SHULINZHAO, name: "乙" },
  ]);
});
afterAll(() => h.stop());

const lastSeq = async (): Promise<number> =>
  (await h.dataSource.query(`SELECT coalesce(max(seq), 0)::int AS n FROM outbox`))[0].n;

async function ruleEvents(seq: number, code?: string, period?: string): Promise<RuleEvent[]> {
  const rows: RuleEvent[] = await h.dataSource.query(
    `SELECT key, data FROM outbox WHERE seq > $1 AND type = $2 ORDER BY seq`,
    [seq, TrainingRuleStatusChanged.type],
  );
  return rows.filter((r) => (!code || r.key === idOf(code)) && (!period || r.data.period === period));
}

describe("R6 rule status events (issue 12)", () => {
  it("R6: the first check publishes the city's obligation and each banner's coverage for this year and the last", async () => {
    const seq = await lastSeq();
    await h.ruleStatusTask.run();
    const city = await ruleEvents(seq, CITY);
    expect(city.map((e) => [e.data.rule, e.data.period, e.data.status, e.data.figures])).toEqual([
      ["R6.city-obligation", "2025", "NOT_MET", { completedSessions: 0, required: 1 }],
      ["R6.city-obligation", "2026", "NOT_MET", { completedSessions: 0, required: 1 }],
    ]);
    const [dalate2026] = await ruleEvents(seq, DALATE, "2026");
    expect(dalate2026.data).toMatchObject({
      rule: "R6.banner-coverage",
      status: "NOT_MET",
      figures: { staff: 2, attended: 0, rate: "0.0000", targetRate: "1.0000", ownSessionsCompleted: 0 },
      republished: false,
    });
    // A banner with nobody in post has nobody to train.
    const [dongsheng] = await ruleEvents(seq, "150602000000", "2026");
    expect(dongsheng.data).toMatchObject({ status: "NOT_APPLICABLE", figures: { staff: 0, rate: null } });

    const again = await lastSeq();
    await h.ruleStatusTask.run();
    expect(await ruleEvents(again)).toEqual([]); // the same results: nothing published
  });

  it("R6: the city's completed comprehensive session flips its obligation; each result raises Dalate's coverage", async () => {
    const session = await completedSession(
      h,
      {
        organizer: CITY,
        kind: "COMPREHENSIVE",
        audience: "BANNER_STAFF",
        title: "2026年全市统计业务综合培训",
        startDate: "2026-03-10",
        endDate: "2026-03-12",
        hours: 24,
      },
      [a.statisticianId, b.statisticianId],
    );
    comprehensiveId = session.id;
    await ok(h, RECORD_ALL, {
      input: { sessionId: session.id, rows: [result(a.statisticianId, 24, "PASSED", 90)] },
    });
    let seq = await lastSeq();
    await h.ruleStatusTask.run();
    expect((await ruleEvents(seq, CITY)).map((e) => [e.data.period, e.data.status, e.data.reason])).toEqual([
      [
        "2026",
        "MET",
        "鄂尔多斯市 (150600000000) completed 1 comprehensive business training for banner/district staff in 2026.",
      ],
    ]);
    const [half] = await ruleEvents(seq, DALATE);
    expect(half.data).toMatchObject({
      period: "2026",
      status: "NOT_MET",
      figures: { staff: 2, attended: 1, rate: "0.5000" },
      reason: "Only 1 of 2 staff of 达拉特旗 (150621000000) attended training in 2026; 100% is needed.",
    });

    await ok(h, RECORD_ALL, {
      input: { sessionId: comprehensiveId, rows: [result(b.statisticianId, 20, "FAILED", 50)] },
    });
    seq = await lastSeq();
    await h.ruleStatusTask.run();
    const full = await ruleEvents(seq);
    expect(full.map((e) => [e.key, e.data.status, e.data.figures.rate])).toEqual([
      [idOf(DALATE), "MET", "1.0000"],
    ]);
  });

  it("R6: republish sends every city's and banner's current status with republished: true", async () => {
    const [{ stored }] = await h.dataSource.query(
      `SELECT count(*)::int AS stored FROM rule_status_published`,
    );
    const seq = await lastSeq();
    const res = await h.call(REPUBLISH, {}, cityAdmin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.republishTrainingRuleStatuses).toBe(stored);
    const events = await ruleEvents(seq);
    expect(events).toHaveLength(stored);
    expect(events.every((e) => e.data.republished)).toBe(true);
    expect((await ruleEvents(seq, DALATE)).map((e) => [e.data.period, e.data.status])).toEqual([
      ["2025", "NOT_MET"],
      ["2026", "MET"],
    ]);
  });

  it("R6: republish on a database that predates the ledger computes every year since the first session, so the ledger is complete", async () => {
    await h.dataSource.query(`DELETE FROM rule_status_published`); // as if the service first starts with it
    const [{ banners }] = await h.dataSource.query(
      `SELECT count(*)::int AS banners FROM org_unit WHERE active AND kind = ANY($1)`,
      [[...COUNTY_KINDS]],
    );
    const res = await h.call(REPUBLISH, {}, cityAdmin);
    expect(res.data!.republishTrainingRuleStatuses).toBe((1 + banners) * 2); // the city and each banner, 2025 and 2026
    const rows = await h.dataSource.query(
      `SELECT rule, period, count(*)::int AS n FROM rule_status_published GROUP BY rule, period ORDER BY rule, period`,
    );
    expect(rows).toEqual([
      { rule: "R6.banner-coverage", period: "2025", n: banners },
      { rule: "R6.banner-coverage", period: "2026", n: banners },
      { rule: "R6.city-obligation", period: "2025", n: 1 },
      { rule: "R6.city-obligation", period: "2026", n: 1 },
    ]);
  });

  it("R6: republish by anyone but a CITY_ADMIN is FORBIDDEN and writes nothing", async () => {
    for (const who of [dalateAdmin, as("INSPECTOR", CITY)]) {
      const message = await h.expectRefused("FORBIDDEN", () => h.call(REPUBLISH, {}, who));
      expect(message).toContain("republish rule statuses");
    }
  });
});
