import { OrganizationRuleStatusChanged } from "@grassroots/events/contracts";
import { SAMPLE_STANDARD } from "../src/domain/seed/sample-data";
import { ensureStandard } from "../src/domain/seed/ensure-standard";
import { POST_REQUIRED_KINDS } from "../src/rules/r1-statistics-posts";
import { allMet, CREATE, DEACTIVATE, MOVE, RECORD, UNIT_BY_CODE, UPDATE } from "./support/operations";
import {
  as,
  cityAdmin,
  DALATE,
  idOf,
  importOrdos,
  startHarness,
  ZHUNGEER,
  type Harness,
} from "./support/harness";

const SHULINZHAO = "150621100000"; // 树林召镇, a TOWN of 达拉特旗
const REPUBLISH = `mutation { republishOrganizationRuleStatuses }`;

interface RuleEvent {
  key: string;
  data: {
    rule: string;
    subjectUnitId: string;
    subjectUnitPath: string;
    period: string | null;
    status: string;
    figures: Record<string, unknown>;
    reason: string;
    asOf: string;
    republished: boolean;
  };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  await h.services.uow.run((tx) => ensureStandard(tx, SAMPLE_STANDARD));
});
afterAll(() => h.stop());

const lastSeq = async (): Promise<number> =>
  (await h.dataSource.query(`SELECT coalesce(max(seq), 0)::int AS n FROM outbox`))[0].n;

/** The rule-status events written since `seq`, in order. */
const ruleEventsSince = async (seq: number): Promise<RuleEvent[]> =>
  h.dataSource.query(`SELECT key, data FROM outbox WHERE seq > $1 AND type = $2 ORDER BY seq`, [
    seq,
    OrganizationRuleStatusChanged.type,
  ]);

const unit = async (code: string) => (await h.call(UNIT_BY_CODE, { code }, cityAdmin)).data!.orgUnitByCode;

describe("R1 / R2 rule status events (issue 12)", () => {
  it("R1: the import publishes every unit that needs a post (NOT_MET without one), and nothing else", async () => {
    const [{ subjects }] = await h.dataSource.query(
      `SELECT count(*)::int AS subjects FROM org_unit WHERE kind = ANY($1)`,
      [[...POST_REQUIRED_KINDS]],
    );
    const events = await ruleEventsSince(0);
    expect(subjects).toBeGreaterThan(50);
    expect(events).toHaveLength(subjects);
    expect(events.every((e) => e.data.rule === "R1.post-established" && !e.data.republished)).toBe(true);
    const town = events.find((e) => e.key === idOf(SHULINZHAO))!;
    expect(town.data).toMatchObject({
      period: null,
      status: "NOT_MET",
      figures: { established: false, establishedOn: null },
      reason: "树林召镇 (150621100000) has no statistics post established yet.",
    });
    expect(events.find((e) => e.key === idOf(DALATE))).toBeUndefined(); // a banner needs no post
  });

  it("R1: a new village publishes NOT_MET; establishing its post flips it to MET; a rename publishes nothing", async () => {
    let seq = await lastSeq();
    const created = await h.call(
      CREATE,
      { input: { parentId: idOf(SHULINZHAO), code: "150621100301", name: "规则村" } },
      cityAdmin,
    );
    const village = created.data!.createOrgUnit;
    expect(await ruleEventsSince(seq)).toMatchObject([
      { key: village.id, data: { subjectUnitId: village.id, status: "NOT_MET", republished: false } },
    ]);

    seq = await lastSeq();
    const established = await h.call(
      UPDATE,
      {
        input: {
          id: village.id,
          expectedVersion: village.version,
          postEstablished: true,
          postEstablishedOn: "2024-03-01",
        },
      },
      cityAdmin,
    );
    const flipped = await ruleEventsSince(seq);
    expect(flipped).toHaveLength(1);
    expect(flipped[0].data).toMatchObject({
      rule: "R1.post-established",
      status: "MET",
      figures: { established: true, establishedOn: "2024-03-01" },
      reason: "规则村 (150621100301) has its statistics post established since 2024-03-01.",
    });

    seq = await lastSeq();
    const renamed = await h.call(
      UPDATE,
      {
        input: { id: village.id, expectedVersion: established.data!.updateOrgUnit.version, name: "规则新村" },
      },
      cityAdmin,
    );
    expect(renamed.errors).toBeUndefined();
    expect(await ruleEventsSince(seq)).toEqual([]);
  });

  it("R1: a deactivated unit turns NOT_APPLICABLE", async () => {
    const village = await unit("150621100301");
    const seq = await lastSeq();
    await h.call(
      DEACTIVATE,
      { input: { id: village.id, expectedVersion: village.version, reason: "撤并" } },
      cityAdmin,
    );
    const events = await ruleEventsSince(seq);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ status: "NOT_APPLICABLE", figures: { established: true } });
    expect(events[0].data.reason).toContain("was deactivated");
  });

  it("R2: a township's assessment publishes its result and item share for the assessment's year", async () => {
    const seq = await lastSeq();
    await h.call(
      RECORD,
      { input: assessment(SHULINZHAO, allMet(), "2023-05-10") },
      as("BANNER_ADMIN", DALATE),
    );
    const [event] = await ruleEventsSince(seq);
    expect(event.data).toMatchObject({
      rule: "R2.standardization",
      subjectUnitId: idOf(SHULINZHAO),
      period: "2023",
      status: "MET",
      figures: {
        result: "STANDARDIZED",
        itemsMet: 16,
        itemsTotal: 16,
        itemShare: "1.0000",
        assessedOn: "2023-05-10",
      },
      asOf: "2023-05-09T16:00:00.000Z",
    });
  });

  it("R2: a later assessment that year flips it; an earlier one and the same result publish nothing", async () => {
    const partly = allMet();
    partly[3] = { ...partly[3], status: "PARTLY_MET" };
    let seq = await lastSeq();
    await h.call(RECORD, { input: assessment(SHULINZHAO, partly, "2023-09-01") }, cityAdmin);
    const flipped = await ruleEventsSince(seq);
    expect(flipped).toHaveLength(1);
    expect(flipped[0].data).toMatchObject({
      period: "2023",
      status: "NOT_MET",
      figures: { result: "NOT_STANDARDIZED", itemsMet: 15, itemShare: "0.9375" },
      reason:
        "树林召镇 (150621100000) is not standardized for 2023: 15 of 16 items met (assessed 2023-09-01).",
    });
    seq = await lastSeq();
    await h.call(RECORD, { input: assessment(SHULINZHAO, allMet(), "2023-02-01") }, cityAdmin);
    expect(await ruleEventsSince(seq)).toEqual([]);
    await h.call(RECORD, { input: assessment(SHULINZHAO, partly, "2023-09-01") }, cityAdmin);
    expect(await ruleEventsSince(seq)).toEqual([]);
    await h.call(RECORD, { input: assessment(SHULINZHAO, allMet(), "2024-01-15") }, cityAdmin);
    expect((await ruleEventsSince(seq)).map((e) => [e.data.period, e.data.status])).toEqual([
      ["2024", "MET"],
    ]);
  });

  it("R1 / R2: a moved township's results follow it to its new path (its own and its villages'), status unchanged", async () => {
    const town = await unit(SHULINZHAO);
    const seq = await lastSeq();
    const moved = await h.call(
      MOVE,
      {
        input: {
          id: town.id,
          expectedVersion: town.version,
          newParentId: idOf(ZHUNGEER),
          newCode: "150622190000",
        },
      },
      cityAdmin,
    );
    expect(moved.errors).toBeUndefined();
    const newPath = `${idOf("150600000000")}/${idOf(ZHUNGEER)}/${town.id}/`;
    const events = await ruleEventsSince(seq);
    expect(
      events.filter((e) => e.key === town.id).map((e) => [e.data.rule, e.data.period, e.data.status]),
    ).toEqual([
      ["R1.post-established", null, "NOT_MET"],
      ["R2.standardization", "2023", "NOT_MET"],
      ["R2.standardization", "2024", "MET"],
    ]);
    expect(events.every((e) => e.data.subjectUnitPath.startsWith(newPath))).toBe(true);
    expect(events.filter((e) => e.key !== town.id).map((e) => e.data.status)).toEqual(["NOT_APPLICABLE"]); // its village
  });

  it("R1 / R2: republish sends every subject's current status with republished: true", async () => {
    const [{ stored }] = await h.dataSource.query(
      `SELECT count(*)::int AS stored FROM rule_status_published`,
    );
    const seq = await lastSeq();
    const result = await h.call(REPUBLISH, {}, cityAdmin);
    expect(result.errors).toBeUndefined();
    expect(result.data!.republishOrganizationRuleStatuses).toBe(stored);
    const events = await ruleEventsSince(seq);
    expect(events).toHaveLength(stored);
    expect(events.every((e) => e.data.republished)).toBe(true);
    const town = events.filter((e) => e.key === idOf(SHULINZHAO));
    expect(town.map((e) => [e.data.rule, e.data.period, e.data.status])).toEqual([
      ["R1.post-established", null, "NOT_MET"],
      ["R2.standardization", "2023", "NOT_MET"],
      ["R2.standardization", "2024", "MET"],
    ]);
  });

  it("R1: republish on a database that predates the ledger computes every subject first, so the ledger is complete", async () => {
    // As if the service first starts with the ledger: units and assessments exist, no result is stored.
    await h.dataSource.query(`DELETE FROM rule_status_published`);
    const [{ subjects }] = await h.dataSource.query(
      `SELECT (SELECT count(*) FROM org_unit WHERE kind = ANY($1))
            + (SELECT count(DISTINCT (org_unit_id, extract(year FROM assessed_on))) FROM standardization_assessment)
              AS subjects`,
      [[...POST_REQUIRED_KINDS]],
    );
    const seq = await lastSeq();
    const result = await h.call(REPUBLISH, {}, cityAdmin);
    expect(result.data!.republishOrganizationRuleStatuses).toBe(Number(subjects));
    const [{ stored }] = await h.dataSource.query(
      `SELECT count(*)::int AS stored FROM rule_status_published`,
    );
    expect(stored).toBe(Number(subjects));
    const events = await ruleEventsSince(seq);
    expect(events.filter((e) => !e.data.republished)).toHaveLength(Number(subjects));
    expect(events.filter((e) => e.data.republished)).toHaveLength(Number(subjects));
  });

  it("R1: republish by anyone but a CITY_ADMIN is FORBIDDEN and writes nothing", async () => {
    for (const who of [as("BANNER_ADMIN", DALATE), as("INSPECTOR", "150600000000")]) {
      const message = await h.expectRefused("FORBIDDEN", () => h.call(REPUBLISH, {}, who));
      expect(message).toContain("republish rule statuses");
    }
  });
});

function assessment(code: string, items: ReturnType<typeof allMet>, assessedOn: string) {
  return { orgUnitId: idOf(code), standardCode: SAMPLE_STANDARD.code, standardVersion: 1, assessedOn, items };
}
