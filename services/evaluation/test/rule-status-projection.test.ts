import {
  OrganizationRuleStatusChanged,
  PersonnelRuleStatusChanged,
  type ReceivedEvent,
  type RuleStatusData,
} from "@grassroots/events";
import { randomUUID } from "node:crypto";
import { transactionOf } from "../src/db/unit-of-work";
import { evaluationConsumer } from "../src/events/consumers";
import { DALATE, idOf, pathOfCode, SHULINZHAO, startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const township = idOf(SHULINZHAO);
const row = async (rule: string, period: string | null = null) =>
  (
    await h.dataSource.query(
      `SELECT status, reason, figures, since, as_of FROM rule_status
        WHERE rule = $1 AND subject_unit_id = $2 AND period_key = coalesce($3, '-')`,
      [rule, township, period],
    )
  )[0];

const r3 = (over: Partial<RuleStatusData>): RuleStatusData => ({
  rule: "R3.township-staffing",
  subjectUnitId: township,
  subjectUnitPath: pathOfCode(SHULINZHAO),
  period: null,
  status: "NOT_MET",
  figures: { required: 2, actual: 1 },
  reason: "needs 2 full-time statisticians, has 1",
  asOf: "2026-03-01T08:00:00.000Z",
  republished: false,
  ...over,
});

it("R13: a rule status event of any service lands in the projection with its figures, reason and since", async () => {
  await h.handled(await h.publish(PersonnelRuleStatusChanged, r3({})));
  expect(await row("R3.township-staffing")).toMatchObject({
    status: "NOT_MET",
    reason: "needs 2 full-time statisticians, has 1",
    figures: { required: 2, actual: 1 },
    since: new Date("2026-03-01T08:00:00.000Z"),
  });
});

it("R13: a redelivered event is a no-op", async () => {
  const id = await h.publish(PersonnelRuleStatusChanged, r3({ asOf: "2026-03-02T08:00:00.000Z" }));
  await h.handled(id);
  const before = await h.fingerprint();
  // the same event id again (its data changed on the way, to show it is not applied again) …
  await h.publish(PersonnelRuleStatusChanged, r3({ asOf: "2026-03-03T08:00:00.000Z", status: "MET" }), {
    id,
  });
  // … then a later event on the same key (one partition, in order): once it is handled, so was the redelivery
  const marker = await h.publish(
    PersonnelRuleStatusChanged,
    r3({ rule: "R5.filing-timeliness", status: "MET", reason: "no filing overdue" }),
  );
  await h.handled(marker);
  await h.dataSource.query(`DELETE FROM rule_status WHERE rule = 'R5.filing-timeliness'`);
  expect(await h.fingerprint()).toBe(before);
  expect((await row("R3.township-staffing")).status).toBe("NOT_MET");
});

it("R13: the latest event wins even when its asOf is earlier (a change entered late); new figures of the same status keep `since`", async () => {
  await h.handled(
    await h.publish(
      PersonnelRuleStatusChanged,
      r3({ asOf: "2026-04-01T08:00:00.000Z", figures: { required: 2, actual: 0 }, reason: "has 0" }),
    ),
  );
  expect(await row("R3.township-staffing")).toMatchObject({
    status: "NOT_MET",
    reason: "has 0",
    since: new Date("2026-03-01T08:00:00.000Z"),
    as_of: new Date("2026-04-01T08:00:00.000Z"),
  });
  // a backdated appointment: the owner's next result is MET as of a business date before the last one
  await h.handled(
    await h.publish(
      PersonnelRuleStatusChanged,
      r3({
        asOf: "2026-01-01T08:00:00.000Z",
        status: "MET",
        reason: "has 2 (one appointed back in January)",
      }),
    ),
  );
  expect(await row("R3.township-staffing")).toMatchObject({
    status: "MET",
    reason: "has 2 (one appointed back in January)",
    since: new Date("2026-01-01T08:00:00.000Z"),
  });
  const history = await h.dataSource.query(
    `SELECT status, as_of FROM rule_status_history WHERE rule = 'R3.township-staffing' AND subject_unit_id = $1 ORDER BY as_of`,
    [township],
  );
  expect(history.map((r: { status: string }) => r.status)).toContain("MET");
  await h.handled(
    await h.publish(
      PersonnelRuleStatusChanged,
      r3({ asOf: "2026-05-01T08:00:00.000Z", status: "NOT_MET", reason: "has 1" }),
    ),
  );
  expect(await row("R3.township-staffing")).toMatchObject({
    status: "NOT_MET",
    since: new Date("2026-05-01T08:00:00.000Z"),
  });
});

it("R13: a backdated result with the same status keeps `since` at the earlier of the two (never after asOf), and is not dead-lettered", async () => {
  const r4 = (asOf: string, status: "MET" | "NOT_MET") =>
    r3({ rule: "R4.village-staffing", asOf, status, reason: `R4 ${status} ${asOf}` });
  const r4Row = () => row("R4.village-staffing");
  await h.handled(await h.publish(PersonnelRuleStatusChanged, r4("2026-05-01T00:00:00.000Z", "MET")));
  await h.handled(await h.publish(PersonnelRuleStatusChanged, r4("2026-03-01T00:00:00.000Z", "MET")));
  expect(await r4Row()).toMatchObject({
    status: "MET",
    since: new Date("2026-03-01T00:00:00.000Z"),
    as_of: new Date("2026-03-01T00:00:00.000Z"),
  });
  await h.handled(await h.publish(PersonnelRuleStatusChanged, r4("2026-02-01T00:00:00.000Z", "NOT_MET")));
  expect(await r4Row()).toMatchObject({
    status: "NOT_MET",
    since: new Date("2026-02-01T00:00:00.000Z"),
    as_of: new Date("2026-02-01T00:00:00.000Z"),
  });
});

it("R13: yearly results are kept per period beside standing ones", async () => {
  const r2 = (period: string, status: "MET" | "NOT_MET") => ({
    rule: "R2.standardization" as const,
    subjectUnitId: township,
    subjectUnitPath: pathOfCode(SHULINZHAO),
    period,
    status,
    figures: { share: "0.85" },
    reason: `standardization ${period}`,
    asOf: `${period}-12-01T00:00:00.000Z`,
    republished: false,
  });
  await h.handled(await h.publish(OrganizationRuleStatusChanged, r2("2024", "MET")));
  await h.handled(await h.publish(OrganizationRuleStatusChanged, r2("2025", "NOT_MET")));
  expect((await row("R2.standardization", "2024")).status).toBe("MET");
  expect((await row("R2.standardization", "2025")).status).toBe("NOT_MET");
});

it("R13: republished events restore a rebuilt projection", async () => {
  await h.dataSource.query(`TRUNCATE rule_status`);
  await h.handled(
    await h.publish(
      PersonnelRuleStatusChanged,
      r3({ asOf: "2026-05-01T08:00:00.000Z", status: "MET", reason: "has 2", republished: true }),
    ),
  );
  expect(await row("R3.township-staffing")).toMatchObject({
    status: "MET",
    reason: "has 2",
    since: new Date("2026-05-01T08:00:00.000Z"),
  });
  // the banner's own rule statuses are kept apart from its townships'
  expect(
    (
      await h.dataSource.query(`SELECT count(*)::int AS n FROM rule_status WHERE subject_unit_id = $1`, [
        idOf(DALATE),
      ])
    )[0].n,
  ).toBe(0);
});

it("#15: a consumer batch of rule status events leaves the same rows as one by one, in a constant number of statements", async () => {
  const consumer = evaluationConsumer(transactionOf);
  const handler = consumer.handlers.find((c) => c.contract.type === PersonnelRuleStatusChanged.type)!;
  const subjects = Array.from({ length: 30 }, () => randomUUID());
  const at = (day: number) => `2026-05-${String(day).padStart(2, "0")}T08:00:00.000Z`;
  // Per subject: NOT_MET, MET backdated (the latest wins), MET again with new figures; and a yearly result.
  const events = (ids: string[]) =>
    ids.flatMap((id) => [
      r3({ subjectUnitId: id, asOf: at(10) }),
      r3({
        subjectUnitId: id,
        asOf: at(5),
        status: "MET",
        figures: { required: 2, actual: 2 },
        reason: "ok",
      }),
      r3({
        subjectUnitId: id,
        asOf: at(12),
        status: "MET",
        figures: { required: 2, actual: 3 },
        reason: "ok+",
      }),
      r3({
        subjectUnitId: id,
        rule: "R5.filing-timeliness",
        period: "2026",
        status: "MET",
        reason: "none overdue",
      }),
    ]);
  const rows = async (ids: string[]) => ({
    current: await h.dataSource.query(
      `SELECT rule, subject_unit_id, period_key, status, figures, reason, since, as_of FROM rule_status
        WHERE subject_unit_id = ANY($1) ORDER BY 1, 2, 3`,
      [ids],
    ),
    history: await h.dataSource.query(
      `SELECT rule, subject_unit_id, period_key, status, as_of FROM rule_status_history
        WHERE subject_unit_id = ANY($1) ORDER BY 1, 2, 3, 5`,
      [ids],
    ),
  });
  const received = (list: RuleStatusData[]) => list.map((data) => ({ data }) as ReceivedEvent<never>);
  for (const event of received(events(subjects)))
    await h.dataSource.transaction((m) => handler.handle(event, m));
  const oneByOne = await rows(subjects);
  expect(oneByOne.current).toHaveLength(60);
  expect(oneByOne.history).toHaveLength(120);
  await h.dataSource.query(`DELETE FROM rule_status WHERE subject_unit_id = ANY($1)`, [subjects]);
  await h.dataSource.query(`DELETE FROM rule_status_history WHERE subject_unit_id = ANY($1)`, [subjects]);

  const statements = async (ids: string[]) => {
    h.queries.queries = [];
    await h.dataSource.transaction((m) => handler.handleBatch!(received(events(ids)), m));
    return h.queries.queries.filter((q) => !/^(START TRANSACTION|COMMIT|BEGIN)/i.test(q)).length;
  };
  const many = await statements(subjects);
  expect(await rows(subjects)).toEqual(oneByOne);
  // Three rounds (a subject's 1st, 2nd and 3rd R3 result), two statements each, whatever the number of subjects.
  expect(many).toBe(6);
  expect(await statements([randomUUID()])).toBe(many);
});
