import { randomUUID } from "node:crypto";
import {
  as,
  cityAdmin,
  DALATE,
  dalateAdmin,
  DONGSHENG,
  idOf,
  outboxTypes,
  SHULINZHAO,
  startHarness,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";
import { CANCEL, COMPLETE, ok, OPEN, openSession, PLAN, planInput, SESSION } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const plan = (input: Record<string, unknown>, identity = cityAdmin) => h.call(PLAN, { input }, identity);

describe("R6: sessions of the city and banner bureaus", () => {
  it("a banner bureau plans a PRE_POST session for its grassroots staff: PLANNED, version 1, SessionPlanned with the organizer's path", async () => {
    const before = (await outboxTypes(h.dataSource)).length;
    const session = await ok(h, PLAN, { input: planInput() }, dalateAdmin);
    expect(session).toMatchObject({
      kind: "PRE_POST",
      status: "PLANNED",
      version: 1,
      organizerUnitId: idOf(DALATE),
      enrolledCount: 0,
      placesLeft: 30,
    });
    const [event] = await h.dataSource.query(`SELECT type, key, data FROM outbox ORDER BY seq DESC LIMIT 1`);
    expect((await outboxTypes(h.dataSource)).length).toBe(before + 1);
    expect(event).toMatchObject({ type: "grassroots.training.session.planned.v1", key: session.id });
    expect(event.data).toMatchObject({
      sessionId: session.id,
      organizerPath: `${idOf("150600000000")}/${idOf(DALATE)}/`,
      hours: 16,
    });
  });

  it("the city bureau plans a COMPREHENSIVE session for banner and district staff, opens it, completes it after its end date", async () => {
    const opened = await openSession(h, {
      organizer: "150600000000",
      kind: "COMPREHENSIVE",
      audience: "BANNER_STAFF",
      title: "2026年综合业务培训",
    });
    expect(opened).toMatchObject({ status: "OPEN", version: 2 });
    const completed = await ok(h, COMPLETE, { input: { id: opened.id, expectedVersion: 2 } });
    expect(completed).toMatchObject({ status: "COMPLETED", version: 3 });
    const types = await outboxTypes(h.dataSource);
    expect(types.slice(-3)).toEqual([
      "grassroots.training.session.planned.v1",
      "grassroots.training.session.opened.v1",
      "grassroots.training.session.completed.v1",
    ]);
  });

  it("cancels an open session with a reason; the session stays, CANCELLED, with who and why", async () => {
    const opened = await openSession(h, {}, dalateAdmin);
    const cancelled = await ok(
      h,
      CANCEL,
      { input: { id: opened.id, expectedVersion: opened.version, reason: "疫情防控" } },
      dalateAdmin,
    );
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancellationReason: "疫情防控" });
    const [row] = await h.dataSource.query(
      `SELECT cancelled_by, cancelled_at FROM training_session WHERE id = $1`,
      [opened.id],
    );
    expect(row.cancelled_by).toBe(dalateAdmin.userId);
    expect((await outboxTypes(h.dataSource)).at(-1)).toBe("grassroots.training.session.cancelled.v1");
  });

  it("refuses to complete a cancelled session: BAD_USER_INPUT, nothing written, no event", async () => {
    const opened = await openSession(h);
    const cancelled = await ok(h, CANCEL, {
      input: { id: opened.id, expectedVersion: opened.version, reason: "场地不可用" },
    });
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(COMPLETE, { input: { id: cancelled.id, expectedVersion: cancelled.version } }, cityAdmin),
    );
    expect(message).toContain("was cancelled");
  });

  it("refuses to complete a session before its end date", async () => {
    const opened = await openSession(h, { startDate: "2026-09-01", endDate: "2026-09-02" });
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(COMPLETE, { input: { id: opened.id, expectedVersion: opened.version } }, cityAdmin),
    );
    expect(message).toContain("ends on 2026-09-02");
  });

  it("refuses to complete a session that was never opened", async () => {
    const planned = await ok(h, PLAN, { input: planInput() });
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(COMPLETE, { input: { id: planned.id, expectedVersion: planned.version } }, cityAdmin),
    );
    expect(message).toContain("open it first");
  });

  it("a stale expectedVersion is a CONFLICT; nothing is overwritten", async () => {
    const opened = await openSession(h);
    const message = await h.expectRefused("CONFLICT", () =>
      h.call(CANCEL, { input: { id: opened.id, expectedVersion: 1, reason: "x" } }, cityAdmin),
    );
    expect(message).toContain("version 2");
  });

  it("refuses an organizer below banner level (a town): only the city or a banner/district bureau organises training", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () => plan(planInput({ organizer: SHULINZHAO })));
    expect(message).toContain("TOWN");
  });

  it("refuses BANNER_STAFF sessions organised by a banner bureau", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      plan(planInput({ kind: "COMPREHENSIVE", audience: "BANNER_STAFF" }), dalateAdmin),
    );
    expect(message).toContain("trained by the city bureau");
  });

  it.each([
    ["an end before the start", { startDate: "2026-05-02", endDate: "2026-05-01" }, "endDate"],
    ["zero hours", { hours: 0 }, "hours"],
    ["no capacity", { capacity: 0 }, "capacity"],
    ["no place for a session in person", { place: null }, "place"],
    ["an impossible date (refused by the LocalDate scalar)", { startDate: "2026-02-30" }, undefined],
  ])("refuses %s, naming the field", async (_what, change, field) => {
    const result = await h.call(PLAN, { input: { ...planInput(), ...change } }, cityAdmin);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      ...(field ? { field } : {}),
    });
  });

  it("#10.3: another banner's admin acting on a session is refused exactly as for a missing session: NOT_FOUND, nothing written", async () => {
    const opened = await openSession(h, {}, dalateAdmin);
    const missing = randomUUID();
    const cancel = (id: string) =>
      h.call(CANCEL, { input: { id, expectedVersion: opened.version, reason: "越权" } }, zhungeerAdmin);
    const refused = await h.expectRefused("NOT_FOUND", () => cancel(opened.id));
    const absent = await h.expectRefused("NOT_FOUND", () => cancel(missing));
    expect(refused).toBe(`Training session ${opened.id} does not exist in your area.`);
    expect(absent).toBe(`Training session ${missing} does not exist in your area.`);
    expect(refused.replace(opened.id, "<id>")).toBe(absent.replace(missing, "<id>"));
    expect(refused).not.toContain("达拉特旗");
    for (const step of [OPEN, COMPLETE]) {
      const message = await h.expectRefused("NOT_FOUND", () =>
        h.call(step, { input: { id: opened.id, expectedVersion: opened.version } }, zhungeerAdmin),
      );
      expect(message).toBe(refused);
    }
    // The area is checked before the input: a bad reason does not reveal that the session exists.
    const badReason = await h.expectRefused("NOT_FOUND", () =>
      h.call(
        CANCEL,
        { input: { id: opened.id, expectedVersion: opened.version, reason: " " } },
        zhungeerAdmin,
      ),
    );
    expect(badReason).toBe(refused);
  });

  it("#10.3: a session the caller sees but may not manage (the city's, for a banner admin) is FORBIDDEN, naming its organizer", async () => {
    const city = await openSession(h, {
      organizer: "150600000000",
      kind: "COMPREHENSIVE",
      audience: "BANNER_STAFF",
    });
    expect((await h.call(SESSION, { id: city.id }, dalateAdmin)).data!.trainingSession.id).toBe(city.id);
    const message = await h.expectRefused("FORBIDDEN", () =>
      h.call(CANCEL, { input: { id: city.id, expectedVersion: city.version, reason: " " } }, dalateAdmin),
    );
    expect(message).toBe(
      "Only the bureau of 鄂尔多斯市 (150600000000) or the city bureau may cancel training sessions.",
    );
  });

  it("#10.3: planning for an organizer outside the area is NOT_FOUND, worded as an unknown organizer, before the input is checked", async () => {
    const unknown = "5b0e3f3e-0000-4000-8000-000000000000";
    expect(await h.expectRefused("NOT_FOUND", () => plan({ ...planInput(), organizerUnitId: unknown }))).toBe(
      `Org unit ${unknown} does not exist in your area.`,
    );
    expect(await h.expectRefused("NOT_FOUND", () => plan(planInput(), zhungeerAdmin))).toBe(
      `Org unit ${idOf(DALATE)} does not exist in your area.`,
    );
    expect(
      await h.expectRefused("NOT_FOUND", () => plan(planInput({ organizer: DONGSHENG }), dalateAdmin)),
    ).toBe(`Org unit ${idOf(DONGSHENG)} does not exist in your area.`);
    expect(
      await h.expectRefused("NOT_FOUND", () => plan({ ...planInput(), hours: 0, title: " " }, zhungeerAdmin)),
    ).toBe(`Org unit ${idOf(DALATE)} does not exist in your area.`);
    const malformed = await h.call(
      PLAN,
      { input: { ...planInput(), organizerUnitId: "not-an-id" } },
      cityAdmin,
    );
    expect(malformed.errors?.[0]).toMatchObject({
      message: "Org unit not-an-id does not exist in your area.",
      extensions: { code: "NOT_FOUND" },
    });
  });

  it("#10.3: an INSPECTOR or a clerk is FORBIDDEN even when the input is also bad, naming the roles that may", async () => {
    const bad = { ...planInput(), hours: 0, capacity: 0, title: " ", place: null };
    const inspector = await h.expectRefused("FORBIDDEN", () => plan(bad, as("INSPECTOR", "150600000000")));
    expect(inspector).toBe("Only CITY_ADMIN or BANNER_ADMIN may plan training sessions; you are INSPECTOR.");
    expect(
      await h.expectRefused("FORBIDDEN", () =>
        plan({ ...bad, organizerUnitId: "not-an-id" }, as("UNIT_CLERK", SHULINZHAO)),
      ),
    ).toContain("Only CITY_ADMIN or BANNER_ADMIN may plan");
    const opened = await openSession(h, {}, dalateAdmin);
    const cancel = await h.expectRefused("FORBIDDEN", () =>
      h.call(CANCEL, { input: { id: opened.id, expectedVersion: 99, reason: " " } }, as("INSPECTOR", DALATE)),
    );
    expect(cancel).toBe("Only CITY_ADMIN or BANNER_ADMIN may cancel training sessions; you are INSPECTOR.");
    expect(
      await h.expectRefused("FORBIDDEN", () =>
        h.call(OPEN, { input: { id: randomUUID(), expectedVersion: 1 } }, as("FINANCE_OFFICER", DALATE)),
      ),
    ).toContain("you are FINANCE_OFFICER");
  });

  it("a banner admin cannot plan for the city (outside the area: NOT_FOUND); a unit clerk and an inspector cannot plan at all", async () => {
    await h.expectRefused("NOT_FOUND", () => plan(planInput({ organizer: "150600000000" }), dalateAdmin));
    await h.expectRefused("FORBIDDEN", () => plan(planInput(), as("UNIT_CLERK", SHULINZHAO)));
    await h.expectRefused("FORBIDDEN", () => plan(planInput(), as("INSPECTOR", "150600000000")));
  });

  it("reads: a banner admin sees the city's and their own sessions, not another banner's (NOT_FOUND)", async () => {
    const city = await ok(h, PLAN, {
      input: planInput({ organizer: "150600000000", kind: "COMPREHENSIVE", audience: "BANNER_STAFF" }),
    });
    const dalate = await ok(h, PLAN, { input: planInput() }, dalateAdmin);
    expect((await h.call(SESSION, { id: city.id }, dalateAdmin)).data!.trainingSession.id).toBe(city.id);
    expect((await h.call(SESSION, { id: dalate.id }, dalateAdmin)).data!.trainingSession.id).toBe(dalate.id);
    const refused = await h.call(SESSION, { id: dalate.id }, zhungeerAdmin);
    expect(refused.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(refused.errors?.[0].message).toBe(`Training session ${dalate.id} does not exist in your area.`);
    const clerk = await h.call(SESSION, { id: dalate.id }, as("UNIT_CLERK", SHULINZHAO));
    expect(clerk.data!.trainingSession.id).toBe(dalate.id);
  });

  it("lists sessions with paging, filters and a total", async () => {
    const query = `query ($filter: TrainingSessionFilter, $after: String) {
      trainingSessions(filter: $filter, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id organizerUnitId kind } } } }`;
    const filter = { organizerUnitId: idOf(DALATE), year: 2026 };
    const first = (await h.call(query, { filter }, dalateAdmin)).data!.trainingSessions;
    expect(first.totalCount).toBeGreaterThan(2);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await h.call(query, { filter, after: first.pageInfo.endCursor }, dalateAdmin)).data!
      .trainingSessions;
    const seen = [...first.edges, ...second.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(seen).size).toBe(seen.length);
    const zhungeer = (await h.call(query, { filter }, zhungeerAdmin)).data!.trainingSessions;
    expect(zhungeer.totalCount).toBe(0);
    const bad = await h.call(query, { after: "not-a-cursor" }, dalateAdmin);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses every root query and mutation without an identity", async () => {
    const result = await h.call(`{ trainingSessions { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    await h.expectRefused("UNAUTHENTICATED", () => h.call(PLAN, { input: planInput() }));
  });

  it("refuses to open a session twice", async () => {
    const opened = await openSession(h);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(OPEN, { input: { id: opened.id, expectedVersion: opened.version } }, cityAdmin),
    );
    expect(message).toContain("is open");
  });
});
