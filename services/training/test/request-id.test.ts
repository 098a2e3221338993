import { randomUUID } from "node:crypto";
import {
  cityAdmin,
  dalateAdmin,
  GONGYE,
  SHULINZHAO,
  startHarness,
  type Appointment,
  type Harness,
} from "./support/harness";
import {
  COMPLETE,
  ENROLL,
  ok,
  OPEN,
  openSession,
  PLAN,
  planInput,
  RECORD_ALL,
  result,
  SESSION,
} from "./support/operations";

let h: Harness;
let people: Appointment[];
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  people = await h.appoint([{ unitCode: SHULINZHAO }, { unitCode: GONGYE }]);
});
afterAll(() => h.stop());

const count = async (sql: string, params: unknown[] = []) =>
  Number((await h.dataSource.query(sql, params))[0].n);
const outboxOf = (key: string) => count(`SELECT count(*)::int AS n FROM outbox WHERE key = $1`, [key]);

describe("#9: a client requestId makes a training mutation safe to retry", () => {
  it("#9: planTrainingSession retried with the same requestId returns the first session, one row, one event", async () => {
    const input = { ...planInput({ title: "重试培训" }), requestId: "retry-plan-0001" };
    const first = await ok(h, PLAN, { input }, dalateAdmin);
    const before = await h.fingerprint();
    const retry = await ok(h, PLAN, { input }, dalateAdmin);
    expect(retry).toEqual(first);
    expect(await h.fingerprint()).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM training_session WHERE title = '重试培训'`)).toBe(1);
    expect(await outboxOf(first.id)).toBe(1);
    const [key] = await h.dataSource.query(
      `SELECT operation, result_id FROM idempotency_key WHERE request_id = $1`,
      ["retry-plan-0001"],
    );
    expect(key).toEqual({ operation: "planTrainingSession", result_id: first.id });
  });

  it("#9: without a requestId a second planTrainingSession is a new session", async () => {
    const input = planInput({ title: "无重试编号" });
    const first = await ok(h, PLAN, { input }, dalateAdmin);
    const second = await ok(h, PLAN, { input }, dalateAdmin);
    expect(second.id).not.toBe(first.id);
  });

  it("#9: openTrainingSession retried returns the opened session instead of a version CONFLICT, one event", async () => {
    const planned = await ok(h, PLAN, { input: planInput() }, dalateAdmin);
    const input = { id: planned.id, expectedVersion: planned.version, requestId: randomUUID() };
    const first = await ok(h, OPEN, { input }, dalateAdmin);
    const retry = await ok(h, OPEN, { input }, dalateAdmin);
    expect(retry).toEqual(first);
    expect(first).toMatchObject({ status: "OPEN", version: 2 });
    expect(await outboxOf(planned.id)).toBe(2); // planned, opened
  });

  it("#9: enrollInTrainingSession retried returns the first enrolment instead of CONFLICT (already enrolled)", async () => {
    const session = await openSession(h, {}, dalateAdmin);
    const input = {
      sessionId: session.id,
      statisticianId: people[0].statisticianId,
      requestId: randomUUID(),
    };
    const first = await ok(h, ENROLL, { input }, dalateAdmin);
    const retry = await ok(h, ENROLL, { input }, dalateAdmin);
    expect(retry).toEqual(first);
    expect(
      await count(`SELECT count(*)::int AS n FROM training_enrollment WHERE session_id = $1`, [session.id]),
    ).toBe(1);
  });

  it("#9: recordTrainingResults retried returns the first results and issues no second certificate", async () => {
    const session = await openSession(h, { kind: "PRE_POST", hours: 16 }, dalateAdmin);
    const ids = people.map((p) => p.statisticianId);
    for (const statisticianId of ids)
      await ok(h, ENROLL, { input: { sessionId: session.id, statisticianId } }, dalateAdmin);
    const current = await ok(h, SESSION, { id: session.id }, dalateAdmin);
    await ok(h, COMPLETE, { input: { id: session.id, expectedVersion: current.version } }, dalateAdmin);
    const input = {
      sessionId: session.id,
      rows: [result(ids[0], 16, "PASSED", 90), result(ids[1], 0, "ABSENT")],
      requestId: randomUUID(),
    };
    const first = await ok(h, RECORD_ALL, { input }, dalateAdmin);
    const before = await h.fingerprint();
    const retry = await ok(h, RECORD_ALL, { input }, dalateAdmin);
    expect(retry).toEqual(first);
    expect(await h.fingerprint()).toBe(before);
    expect(
      await count(`SELECT count(*)::int AS n FROM training_certificate WHERE session_id = $1`, [session.id]),
    ).toBe(1);
  });

  it("#9: the same requestId with other input is CONFLICT on requestId, and nothing is written", async () => {
    const requestId = randomUUID();
    await ok(h, PLAN, { input: { ...planInput({ title: "第一次" }), requestId } }, dalateAdmin);
    const message = await h.expectRefused("CONFLICT", () =>
      h.call(PLAN, { input: { ...planInput({ title: "另一次" }), requestId } }, dalateAdmin),
    );
    expect(message).toContain(`requestId ${requestId} was already used for a different request`);
  });

  it("#9: a refused request stores nothing, so the corrected request may use the same requestId", async () => {
    const requestId = randomUUID();
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(PLAN, { input: { ...planInput({ hours: 0 }), requestId } }, dalateAdmin),
    );
    const planned = await ok(h, PLAN, { input: { ...planInput(), requestId } }, dalateAdmin);
    expect(planned.status).toBe("PLANNED");
  });

  it("#9: a malformed requestId is BAD_USER_INPUT on requestId, nothing written", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(PLAN, { input: { ...planInput(), requestId: "x" } }, cityAdmin),
    );
    expect(message).toContain("requestId must be 8 to 100");
  });
});
