import {
  EvaluationRuleStatusChanged,
  FindingEscalated,
  FindingOverdue,
  FindingRaised,
  RectificationAccepted,
  RectificationRejected,
} from "@grassroots/events";
import { flagFindings } from "../src/domain/commands/flag-findings";
import {
  as,
  CITY,
  DALATE,
  dalateAdmin,
  GONGYE,
  idOf,
  SHULINZHAO,
  startHarness,
  ZHUNGEER,
  type Harness,
} from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const inspector = as("INSPECTOR", CITY);
const RECORD = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) {
  id kind inspectedUnit { id } findings { id status deadline overdue escalated version rule responsibleUnit { id } } } }`;
const SUBMIT = `mutation ($input: SubmitRectificationInput!) { submitRectification(input: $input) { id status version } }`;
const DECIDE = `mutation ($input: DecideRectificationInput!) { decideRectification(input: $input) { id status version rectifications { decision rejectionReason evidence } } }`;
const inspection = (findings: Record<string, unknown>[], over: Record<string, unknown> = {}) => ({
  inspectedUnitId: idOf(DALATE),
  inspectionDate: "2026-06-05",
  kind: "BUSINESS_ASSESSMENT",
  inspector: "市统计局执法检查组",
  summary: "统计业务考核",
  findings,
  ...over,
});
const F1 = {
  category: "人员配备",
  severity: "MAJOR",
  rule: "R3.township-staffing",
  description: "专职统计员不足",
  deadline: "2026-06-20",
  responsibleUnitId: idOf(SHULINZHAO),
};
const F2 = {
  category: "台账",
  severity: "MINOR",
  description: "台账不全",
  deadline: "2026-07-31",
  responsibleUnitId: idOf(GONGYE),
};

let f1: { id: string; version: number };
let f2: { id: string; version: number };
const types = async () =>
  (await h.dataSource.query(`SELECT type FROM outbox ORDER BY seq`)).map((r: { type: string }) => r.type);

it("R13: an inspector records an inspection with findings (rule, severity, deadline, responsible unit); a FindingRaised each", async () => {
  const res = await h.call(RECORD, { input: inspection([F1, F2]) }, inspector);
  expect(res.errors).toBeUndefined();
  [f1, f2] = res.data!.recordInspection.findings;
  expect(res.data!.recordInspection.findings).toMatchObject([
    { status: "OPEN", deadline: "2026-06-20", overdue: true, escalated: false, rule: "R3.township-staffing" },
    { status: "OPEN", deadline: "2026-07-31", overdue: false },
  ]);
  expect((await types()).filter((t: string) => t === FindingRaised.type)).toHaveLength(2);
});

it("R13: a rectification deadline before the inspection date is refused", async () => {
  const message = await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(RECORD, { input: inspection([{ ...F2, deadline: "2026-06-01" }]) }, inspector),
  );
  expect(message).toBe("findings[0].deadline 2026-06-01 is before the inspection date 2026-06-05.");
});

it("R13: a clerk may not record inspections; another banner's inspector does not see the unit", async () => {
  await h.expectRefused("FORBIDDEN", () =>
    h.call(RECORD, { input: inspection([F2]) }, as("UNIT_CLERK", GONGYE)),
  );
  expect(
    await h.expectRefused("NOT_FOUND", () =>
      h.call(RECORD, { input: inspection([F2]) }, as("INSPECTOR", ZHUNGEER)),
    ),
  ).toBe(`Org unit ${idOf(DALATE)} does not exist in your area.`);
});

it("R13: accepting a rectification never submitted is refused", async () => {
  const message = await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(DECIDE, { input: { findingId: f2.id, accept: true, expectedVersion: f2.version } }, inspector),
  );
  expect(message).toBe(`Finding ${f2.id} has no rectification submitted to decide on.`);
});

it("R13: the responsible unit's clerk submits; another unit's clerk is refused as a missing finding; a stale version is CONFLICT", async () => {
  expect(
    await h.expectRefused("NOT_FOUND", () =>
      h.call(
        SUBMIT,
        {
          input: {
            findingId: f2.id,
            measures: "补齐台账",
            evidence: "台账扫描件",
            expectedVersion: f2.version,
          },
        },
        as("UNIT_CLERK", SHULINZHAO),
      ),
    ),
  ).toBe(`Finding ${f2.id} does not exist in your area.`);
  await h.expectRefused("CONFLICT", () =>
    h.call(
      SUBMIT,
      {
        input: {
          findingId: f2.id,
          measures: "补齐台账",
          evidence: "台账扫描件",
          expectedVersion: f2.version + 1,
        },
      },
      as("UNIT_CLERK", GONGYE),
    ),
  );
  const res = await h.call(
    SUBMIT,
    {
      input: { findingId: f2.id, measures: "补齐台账", evidence: "台账扫描件", expectedVersion: f2.version },
    },
    as("UNIT_CLERK", GONGYE),
  );
  expect(res.data!.submitRectification).toMatchObject({ status: "SUBMITTED" });
  f2 = res.data!.submitRectification;
});

it("R13: the inspector rejects with a reason (open again, kept), then accepts the next one", async () => {
  expect(
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(DECIDE, { input: { findingId: f2.id, accept: false, expectedVersion: f2.version } }, inspector),
    ),
  ).toBe("reason is required.");
  await h.expectRefused("FORBIDDEN", () =>
    h.call(DECIDE, { input: { findingId: f2.id, accept: true, expectedVersion: f2.version } }, dalateAdmin),
  );
  const rejected = await h.call(
    DECIDE,
    { input: { findingId: f2.id, accept: false, reason: "证据不足", expectedVersion: f2.version } },
    inspector,
  );
  expect(rejected.data!.decideRectification).toMatchObject({
    status: "OPEN",
    rectifications: [{ decision: "REJECTED", rejectionReason: "证据不足" }],
  });
  const again = await h.call(
    SUBMIT,
    {
      input: {
        findingId: f2.id,
        measures: "补齐台账并复核",
        evidence: "复核记录",
        expectedVersion: rejected.data!.decideRectification.version,
      },
    },
    as("UNIT_CLERK", GONGYE),
  );
  const accepted = await h.call(
    DECIDE,
    { input: { findingId: f2.id, accept: true, expectedVersion: again.data!.submitRectification.version } },
    inspector,
  );
  expect(accepted.data!.decideRectification.status).toBe("ACCEPTED");
  expect(
    accepted.data!.decideRectification.rectifications.map((r: { decision: string }) => r.decision),
  ).toEqual(["REJECTED", "ACCEPTED"]);
  const t = await types();
  expect(t).toContain(RectificationRejected.type);
  expect(t).toContain(RectificationAccepted.type);
});

it("R13: the scorecard shows open and overdue findings", async () => {
  const res = await h.call(
    `query ($id: ID!) { complianceScorecard(unitId: $id) { units { unitCode openFindings overdueFindings } } }`,
    { id: idOf(DALATE) },
    inspector,
  );
  const worst = res.data!.complianceScorecard.units.find(
    (u: { unitCode: string }) => u.unitCode === SHULINZHAO,
  );
  expect(worst).toEqual({ unitCode: SHULINZHAO, openFindings: 1, overdueFindings: 1 });
});

it("R13: the periodic check flags the overdue finding once, and escalates it after the configured days (event + visible flag)", async () => {
  const count = async (type: string) => (await types()).filter((t: string) => t === type).length;
  await h.wiring.tasks.find((t) => t.name === "r13-findings-overdue-escalated")!.run();
  await h.wiring.tasks.find((t) => t.name === "r13-findings-overdue-escalated")!.run();
  expect(await count(FindingOverdue.type)).toBe(1);
  expect(await count(FindingEscalated.type)).toBe(0); // 2026-06-20 + 15 days is not passed on 2026-06-30
  const later = { today: () => "2026-07-10", now: () => new Date("2026-07-10T04:00:00Z") };
  expect(await flagFindings(h.services.uow, later, 15)).toBe(1);
  expect(await flagFindings(h.services.uow, later, 15)).toBe(0);
  const [event] = await h.dataSource.query(`SELECT data FROM outbox WHERE type = $1`, [
    FindingEscalated.type,
  ]);
  expect(event.data).toMatchObject({
    findingId: f1.id,
    escalated: true,
    escalatedToUnitId: idOf(DALATE),
    overdue: true,
  });
  const list = await h.call(
    `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { inspections { findings { id escalated } } } } }`,
    { reps: [{ __typename: "OrgUnit", id: idOf(DALATE) }] },
    inspector,
  );
  expect(list.data!._entities[0].inspections[0].findings).toContainEqual({ id: f1.id, escalated: true });
  const [r13] = await h.dataSource.query(
    `SELECT status, figures FROM rule_status_published WHERE rule = 'R13.rectification' AND subject_unit_id = $1`,
    [idOf(SHULINZHAO)],
  );
  expect(r13).toMatchObject({ status: "NOT_MET", figures: { open: 1, escalated: 1 } });
});

it("R13: republishEvaluationRuleStatuses (CITY_ADMIN) sends every current R11/R13 result again, marked republished; others are refused", async () => {
  await h.expectRefused("FORBIDDEN", () =>
    h.call(`mutation { republishEvaluationRuleStatuses }`, {}, inspector),
  );
  const res = await h.call(`mutation { republishEvaluationRuleStatuses }`, {}, as("CITY_ADMIN", CITY));
  expect(res.errors).toBeUndefined();
  const stored = (await h.dataSource.query(`SELECT count(*)::int AS n FROM rule_status_published`))[0].n;
  expect(res.data!.republishEvaluationRuleStatuses).toBe(stored);
  const republished = await h.dataSource.query(
    `SELECT data FROM outbox WHERE type = $1 AND (data->>'republished')::boolean`,
    [EvaluationRuleStatusChanged.type],
  );
  expect(republished).toHaveLength(stored);
  expect(stored).toBeGreaterThan(0);
});

it("R13: the findings worklist pages by keyset (soonest deadline first), with a refused foreign cursor", async () => {
  const five = [1, 2, 3, 4, 5].map((i) => ({ ...F2, description: `问题${i}`, deadline: `2026-08-0${i}` }));
  expect((await h.call(RECORD, { input: inspection(five) }, inspector)).errors).toBeUndefined();
  const PAGE = `query ($id: ID!, $after: String) { findings(unitId: $id, first: 4, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { deadline status } } } }`;
  const first = (await h.call(PAGE, { id: idOf(DALATE) }, inspector)).data!.findings;
  expect(first.totalCount).toBe(6); // f1 (open, escalated) and the five; the accepted one is left out
  expect(first.edges.map((e: { node: { deadline: string } }) => e.node.deadline)).toEqual([
    "2026-06-20",
    "2026-08-01",
    "2026-08-02",
    "2026-08-03",
  ]);
  expect(first.pageInfo.hasNextPage).toBe(true);
  const second = (await h.call(PAGE, { id: idOf(DALATE), after: first.pageInfo.endCursor }, inspector)).data!
    .findings;
  expect(second.edges.map((e: { node: { deadline: string } }) => e.node.deadline)).toEqual([
    "2026-08-04",
    "2026-08-05",
  ]);
  expect(second.pageInfo.hasNextPage).toBe(false);
  const bad = await h.call(PAGE, { id: idOf(DALATE), after: "bm90LWEtY3Vyc29y" }, inspector);
  expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  // a clerk of one township sees its own findings only
  const clerk = (await h.call(PAGE, { id: idOf(SHULINZHAO) }, as("UNIT_CLERK", SHULINZHAO))).data!.findings;
  expect(clerk.totalCount).toBe(1);
});
