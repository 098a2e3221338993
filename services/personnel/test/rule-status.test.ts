import { PersonnelRuleStatusChanged, RegisterCountSet } from "@grassroots/events";
import type { OrgUnitStateFixture } from "@grassroots/testing";
import { reevaluateStaffing, STAFFED_KINDS } from "../src/domain/staffing";
import {
  as,
  cityAdmin,
  dalateAdmin,
  idOf,
  JIGESITAI,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_1,
  shulinzhaoClerk,
  startHarness,
  type Harness,
} from "./support/harness";

const REPUBLISH = `mutation { republishPersonnelRuleStatuses }`;

interface RuleEvent {
  key: string;
  data: {
    rule: string;
    subjectUnitId: string;
    period: string | null;
    status: string;
    figures: Record<string, unknown>;
    reason: string;
    asOf: string;
    republished: boolean;
  };
}

let h: Harness;
let tree: OrgUnitStateFixture[];
beforeAll(async () => {
  h = await startHarness();
  tree = await h.publishTree();
});
afterAll(() => h.stop());

const lastSeq = async (): Promise<number> =>
  (await h.dataSource.query(`SELECT coalesce(max(seq), 0)::int AS n FROM outbox`))[0].n;

/** Rule-status events since `seq`, oldest first; only those of `rule` and `code` when given. */
async function ruleEvents(seq: number, rule?: string, code?: string): Promise<RuleEvent[]> {
  const rows: RuleEvent[] = await h.dataSource.query(
    `SELECT key, data FROM outbox WHERE seq > $1 AND type = $2 ORDER BY seq`,
    [seq, PersonnelRuleStatusChanged.type],
  );
  return rows.filter((r) => (!rule || r.data.rule === rule) && (!code || r.key === idOf(code)));
}

async function setRegisterCount(code: string, count: number, version: number) {
  const unit = tree.find((u) => u.code === code)!;
  const id = await h.publish(
    RegisterCountSet,
    { ...unit, registerCount: count, registerAsOf: "2026-06-01", version, previousCount: null },
    unit.id,
  );
  await h.handled(id);
}

describe("personnel rule status events (issue 12)", () => {
  it("R3: each staffing change publishes the township's R3 status once, with its figures and reason", async () => {
    let seq = await lastSeq();
    const person = await h.register(JIGESITAI);
    await h.appoint(person, JIGESITAI, "FULL_TIME", "IN_ESTABLISHMENT");
    const [pending] = await ruleEvents(seq, "R3.township-staffing", JIGESITAI);
    expect(pending.data).toMatchObject({
      subjectUnitId: idOf(JIGESITAI),
      period: null,
      status: "NOT_MET",
      figures: {
        registerCount: null,
        fullTimeInEstablishment: 0,
        requiredFullTimeInEstablishment: 1,
        statisticians: 0,
        requiredStatisticians: null,
        pendingTraining: 1,
      },
      republished: false,
    });
    expect(pending.data.reason).toContain("吉格斯太镇 (150621101000): Has 0 active full-time");
    expect(pending.data.asOf).toBe(h.clock.now().toISOString());

    seq = await lastSeq();
    await h.certify(person);
    // Compliant, but with no register count nobody can tell whether two statisticians are needed.
    expect((await ruleEvents(seq, "R3.township-staffing", JIGESITAI)).map((e) => e.data.status)).toEqual([
      "UNKNOWN",
    ]);

    seq = await lastSeq();
    await setRegisterCount(JIGESITAI, 1200, 2);
    const [met] = await ruleEvents(seq, "R3.township-staffing", JIGESITAI);
    expect(met.data).toMatchObject({
      status: "MET",
      figures: {
        registerCount: 1200,
        fullTimeInEstablishment: 1,
        statisticians: 1,
        requiredStatisticians: null,
      },
    });

    seq = await lastSeq();
    await h.services.uow.run((tx) =>
      reevaluateStaffing(tx, [idOf(JIGESITAI)], h.services.settings.thresholds),
    );
    expect(await ruleEvents(seq)).toEqual([]); // the same result again: nothing

    await setRegisterCount(JIGESITAI, 1500, 3);
    const [large] = await ruleEvents(seq, "R3.township-staffing", JIGESITAI);
    expect(large.data).toMatchObject({
      status: "NOT_MET",
      figures: { registerCount: 1500, statisticians: 1, requiredStatisticians: 2 },
    });
    expect(large.data.reason).toContain("appoint 1 more");
  });

  it("R4: a village's liaison post is its R4 subject (post LIAISON, actual, required)", async () => {
    const seq = await lastSeq();
    await h.appoint(
      await h.register(SHULINZHAO_VILLAGE_1),
      SHULINZHAO_VILLAGE_1,
      "LIAISON",
      "PUBLIC_WELFARE_POST",
      "2026-06-20",
    );
    const [event] = await ruleEvents(seq, "R4.village-staffing", SHULINZHAO_VILLAGE_1);
    expect(event.data).toMatchObject({
      status: "NOT_MET",
      figures: { post: "LIAISON", actual: 0, required: 1, pendingTraining: 1 },
    });
  });

  it("R7: a post pending training longer than PENDING_TRAINING_MAX_DAYS turns NOT_MET at the periodic check, with no user action", async () => {
    h.clock.set("2026-06-30");
    let seq = await lastSeq();
    await h.ruleStatusTask.run();
    const first = await ruleEvents(seq, "R7.pending-training", SHULINZHAO_VILLAGE_1);
    expect(first.map((e) => [e.data.status, e.data.figures])).toEqual([
      ["MET", { pendingTooLong: 0, pending: 1, oldestPendingSince: null, maxDays: 30 }],
    ]);

    seq = await lastSeq();
    await h.ruleStatusTask.run();
    expect(await ruleEvents(seq)).toEqual([]); // nothing changed: nothing published

    h.clock.set("2026-07-21"); // 2026-06-20 + 30 days is 2026-07-20: now too long
    await h.ruleStatusTask.run();
    const late = await ruleEvents(seq, "R7.pending-training");
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({
      key: idOf(SHULINZHAO_VILLAGE_1),
      data: {
        status: "NOT_MET",
        figures: { pendingTooLong: 1, pending: 1, oldestPendingSince: "2026-06-20", maxDays: 30 },
        asOf: h.clock.now().toISOString(),
      },
    });
    expect(late[0].data.reason).toBe(
      "测试一村 (150621100201) has 1 appointee waiting for pre-post training longer than 30 days (the longest since 2026-06-20).",
    );
  });

  it("R7: the appointee's certificate turns it back to MET at once (the reaction, not the next check)", async () => {
    const [{ id }] = await h.dataSource.query(
      `SELECT statistician_id AS id FROM post_assignment WHERE org_unit_id = $1 AND status = 'PENDING_TRAINING'`,
      [idOf(SHULINZHAO_VILLAGE_1)],
    );
    const seq = await lastSeq();
    await h.certify(id);
    expect(
      (await ruleEvents(seq, "R7.pending-training", SHULINZHAO_VILLAGE_1)).map((e) => e.data.status),
    ).toEqual(["MET"]);
  });

  it("R5: a filing not filed within FILING_DUE_DAYS turns its unit NOT_MET at the periodic check, with no user action", async () => {
    h.clock.set("2026-07-30"); // the filings of 2026-06-30 are due on 2026-07-30: not overdue yet
    let seq = await lastSeq();
    await h.ruleStatusTask.run();
    expect(await ruleEvents(seq, "R5.filing-timeliness", JIGESITAI)).toEqual([]);

    h.clock.set("2026-07-31");
    seq = await lastSeq();
    await h.ruleStatusTask.run();
    const [overdue] = await ruleEvents(seq, "R5.filing-timeliness", JIGESITAI);
    expect(overdue.data).toMatchObject({
      status: "NOT_MET",
      figures: { overdue: 1, oldestDueDate: "2026-07-30", dueDays: 30 },
      reason:
        "吉格斯太镇 (150621101000) has 1 filing not filed within 30 days of submission; the oldest was due 2026-07-30.",
    });
    expect((await ruleEvents(seq, "R5.filing-timeliness", SHULINZHAO_VILLAGE_1))[0].data.status).toBe(
      "NOT_MET",
    );
    expect(await ruleEvents(seq, "R5.filing-timeliness", SHULINZHAO)).toEqual([]); // no filing there: still MET
  });

  it("R3 / R5 / R7: republish sends every subject's current status with republished: true", async () => {
    const [{ stored }] = await h.dataSource.query(
      `SELECT count(*)::int AS stored FROM rule_status_published`,
    );
    const seq = await lastSeq();
    const result = await h.call(REPUBLISH, {}, cityAdmin);
    expect(result.errors).toBeUndefined();
    expect(result.data!.republishPersonnelRuleStatuses).toBe(stored);
    const events = await ruleEvents(seq);
    expect(events.filter((e) => e.data.republished)).toHaveLength(stored);
    expect(
      events
        .filter((e) => e.key === idOf(JIGESITAI) && e.data.republished)
        .map((e) => [e.data.rule, e.data.status]),
    ).toEqual([
      ["R3.township-staffing", "NOT_MET"],
      ["R5.filing-timeliness", "NOT_MET"],
      ["R7.pending-training", "MET"],
    ]);
  });

  it("R3: republish on a database that predates the ledger computes every unit first, so the ledger is complete", async () => {
    await h.dataSource.query(`DELETE FROM rule_status_published`); // as if the service first starts with it
    const [{ units }] = await h.dataSource.query(
      `SELECT count(*)::int AS units FROM org_unit WHERE kind = ANY($1)`,
      [[...STAFFED_KINDS]],
    );
    const result = await h.call(REPUBLISH, {}, cityAdmin);
    expect(result.data!.republishPersonnelRuleStatuses).toBe(3 * units); // R3 or R4, R5 and R7 for each
    const perRule = await h.dataSource.query(
      `SELECT rule, count(*)::int AS n FROM rule_status_published GROUP BY rule ORDER BY rule`,
    );
    const r3 = perRule.find((r: { rule: string }) => r.rule === "R3.township-staffing").n;
    const r4 = perRule.find((r: { rule: string }) => r.rule === "R4.village-staffing").n;
    expect(r3 + r4).toBe(units);
    expect(
      perRule.filter((r: { rule: string }) => r.rule.startsWith("R5") || r.rule.startsWith("R7")),
    ).toEqual([
      { rule: "R5.filing-timeliness", n: units },
      { rule: "R7.pending-training", n: units },
    ]);
  });

  it("R3: republish by anyone but a CITY_ADMIN is FORBIDDEN and writes nothing", async () => {
    for (const who of [dalateAdmin, shulinzhaoClerk, as("INSPECTOR", "150600000000")]) {
      const message = await h.expectRefused("FORBIDDEN", () => h.call(REPUBLISH, {}, who));
      expect(message).toContain("republish rule statuses");
    }
  });
});
