import { randomUUID } from "node:crypto";
import {
  as,
  cityAdmin,
  dalateAdmin,
  idOf,
  GONGYE,
  SHULINZHAO,
  startHarness,
  YINGZE,
  zhungeerAdmin,
  type Appointment,
  type Harness,
} from "./support/harness";
import { COMPLETE, ENROLL, ok, openSession, PLAN, planInput, SESSION, WITHDRAW } from "./support/operations";

let h: Harness;
let dalate: Appointment[];
let zhungeer: Appointment;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  dalate = await h.appoint([
    { unitCode: SHULINZHAO, name: "王芳" },
    { unitCode: SHULINZHAO, name: "李强", status: "PENDING_TRAINING" },
    { unitCode: GONGYE, name: "张敏" },
    ...Array.from({ length: 8 }, (_, i) => ({ unitCode: GONGYE, name: `并发${i + 1}` })),
  ]);
  [zhungeer] = await h.appoint([{ unitCode: YINGZE, name: "赵磊" }]);
});
afterAll(() => h.stop());

const enroll = (sessionId: string, statisticianId: string, identity = dalateAdmin) =>
  h.call(ENROLL, { input: { sessionId, statisticianId } }, identity);

describe("enrolment: the organizer's people, within capacity", () => {
  it("enrols statisticians serving inside the banner (pending appointments included); enrolment writes no event", async () => {
    const session = await openSession(h, {}, dalateAdmin);
    const before = await h.dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    const first = await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      dalateAdmin,
    );
    expect(first).toMatchObject({ status: "ENROLLED", result: null, certificate: null, version: 1 });
    await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[1].statisticianId } },
      dalateAdmin,
    );
    const read = await ok(h, SESSION, { id: session.id }, dalateAdmin);
    expect(read).toMatchObject({ enrolledCount: 2, placesLeft: 28 });
    expect(read.enrollments.map((e: { statisticianId: string }) => e.statisticianId).sort()).toEqual(
      [dalate[0].statisticianId, dalate[1].statisticianId].sort(),
    );
    const after = await h.dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    expect(after[0].n).toBe(before[0].n);
  });

  it("#10.3: an unknown person and a person serving in another banner are refused alike: NOT_FOUND, not naming them", async () => {
    const session = await openSession(h, {}, dalateAdmin);
    const unknown = randomUUID();
    expect(await h.expectRefused("NOT_FOUND", () => enroll(session.id, unknown))).toBe(
      `Statistician ${unknown} does not exist in your area.`,
    );
    const elsewhere = await h.expectRefused("NOT_FOUND", () => enroll(session.id, zhungeer.statisticianId));
    expect(elsewhere).toBe(`Statistician ${zhungeer.statisticianId} does not exist in your area.`);
    expect(elsewhere).not.toContain("赵磊");
    expect(await h.expectRefused("NOT_FOUND", () => enroll(session.id, "not-an-id"))).toBe(
      "Statistician not-an-id does not exist in your area.",
    );
  });

  it("refuses a person the caller may see but who serves outside the organizer's area (the city admin, another banner), naming the organizer", async () => {
    const session = await openSession(h, {}, dalateAdmin);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      enroll(session.id, zhungeer.statisticianId, cityAdmin),
    );
    expect(message).toContain("赵磊 serves only outside its area");
    expect(message).toContain("达拉特旗");
  });

  it("the city's sessions take people from every banner", async () => {
    const session = await openSession(h, {
      organizer: "150600000000",
      kind: "COMPREHENSIVE",
      audience: "BANNER_STAFF",
    });
    await ok(h, ENROLL, { input: { sessionId: session.id, statisticianId: zhungeer.statisticianId } });
    await ok(h, ENROLL, { input: { sessionId: session.id, statisticianId: dalate[2].statisticianId } });
    const asDalate = await ok(h, SESSION, { id: session.id }, dalateAdmin);
    expect(asDalate.enrolledCount).toBe(2);
    expect(asDalate.enrollments.map((e: { statisticianId: string }) => e.statisticianId)).toEqual([
      dalate[2].statisticianId,
    ]);
  });

  it("#10.1: a banner admin's list holds the city's sessions whole, the organizer by key (training's fields on it null), and only their own people's enrolments", async () => {
    const session = await openSession(h, {
      organizer: "150600000000",
      kind: "COMPREHENSIVE",
      audience: "BANNER_STAFF",
      title: "全市综合培训",
    });
    await ok(h, ENROLL, { input: { sessionId: session.id, statisticianId: zhungeer.statisticianId } });
    await ok(h, ENROLL, { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } });
    const query = `query ($filter: TrainingSessionFilter) { trainingSessions(filter: $filter, first: 50) { edges { node { id inYourArea place
      organizer { id trainingSessions { totalCount } trainingCoverage(year: 2026) { year } }
      enrollments { statisticianId inYourArea statistician { id prePostTraining { completed } } } } } } }`;
    const res = await h.call(query, { filter: { organizerUnitId: idOf("150600000000") } }, dalateAdmin);
    expect(res.errors).toBeUndefined();
    const node = res
      .data!.trainingSessions.edges.map((e: { node: { id: string } }) => e.node)
      .find((n: { id: string }) => n.id === session.id);
    expect(node).toEqual({
      id: session.id,
      inYourArea: true,
      place: "达拉特旗统计局培训室",
      organizer: { id: idOf("150600000000"), trainingSessions: null, trainingCoverage: null },
      enrollments: [
        {
          statisticianId: dalate[0].statisticianId,
          inYourArea: true,
          statistician: { id: dalate[0].statisticianId, prePostTraining: { completed: false } },
        },
      ],
    });
  });

  it("refuses a second enrolment of the same person: CONFLICT", async () => {
    const session = await openSession(h, {}, dalateAdmin);
    await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      dalateAdmin,
    );
    const message = await h.expectRefused("CONFLICT", () => enroll(session.id, dalate[0].statisticianId));
    expect(message).toContain("already enrolled");
  });

  it("refuses enrolment past capacity: CONFLICT, session is full", async () => {
    const session = await openSession(h, { capacity: 1 }, dalateAdmin);
    await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      dalateAdmin,
    );
    const message = await h.expectRefused("CONFLICT", () => enroll(session.id, dalate[1].statisticianId));
    expect(message).toMatch(/is full: all 1 places are taken/);
  });

  it("concurrent enrolment into the last free place: exactly one succeeds, the others are told the session is full", async () => {
    const session = await openSession(h, { capacity: 3 }, dalateAdmin);
    await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      dalateAdmin,
    );
    await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[1].statisticianId } },
      dalateAdmin,
    );
    const racers = dalate.slice(3); // 8 people, one place
    const results = await Promise.all(racers.map((p) => enroll(session.id, p.statisticianId)));
    const succeeded = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(racers.length - 1);
    for (const r of refused) {
      expect(r.errors![0].extensions?.code).toBe("CONFLICT");
      expect(r.errors![0].message).toContain("is full");
    }
    const [count] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM training_enrollment WHERE session_id = $1 AND status = 'ENROLLED'`,
      [session.id],
    );
    expect(count.n).toBe(3);
  });

  it("withdraws an enrolment (kept, with who and why), frees the place, and allows enrolling again", async () => {
    const session = await openSession(h, { capacity: 1 }, dalateAdmin);
    const enrolled = await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      dalateAdmin,
    );
    const withdrawn = await ok(
      h,
      WITHDRAW,
      { input: { enrollmentId: enrolled.id, expectedVersion: 1, reason: "工作冲突" } },
      dalateAdmin,
    );
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", withdrawalReason: "工作冲突", version: 2 });
    const [row] = await h.dataSource.query(`SELECT withdrawn_by FROM training_enrollment WHERE id = $1`, [
      enrolled.id,
    ]);
    expect(row.withdrawn_by).toBe(dalateAdmin.userId);
    const other = await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[1].statisticianId } },
      dalateAdmin,
    );
    await ok(h, WITHDRAW, { input: { enrollmentId: other.id, expectedVersion: 1 } }, dalateAdmin);
    const again = await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      dalateAdmin,
    );
    expect(again).toMatchObject({ id: enrolled.id, status: "ENROLLED", version: 3 });
  });

  it("refuses a withdrawal with a stale version (CONFLICT) and a second withdrawal (BAD_USER_INPUT)", async () => {
    const session = await openSession(h, {}, dalateAdmin);
    const enrolled = await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      dalateAdmin,
    );
    await h.expectRefused("CONFLICT", () =>
      h.call(WITHDRAW, { input: { enrollmentId: enrolled.id, expectedVersion: 7 } }, dalateAdmin),
    );
    await ok(h, WITHDRAW, { input: { enrollmentId: enrolled.id, expectedVersion: 1 } }, dalateAdmin);
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(WITHDRAW, { input: { enrollmentId: enrolled.id, expectedVersion: 2 } }, dalateAdmin),
    );
  });

  it("refuses enrolment in a session that is not open (planned, or completed)", async () => {
    const planned = await ok(h, PLAN, { input: planInput({ kind: "SPECIALIZED", hours: 6 }) }, dalateAdmin);
    expect(
      await h.expectRefused("BAD_USER_INPUT", () => enroll(planned.id, dalate[0].statisticianId)),
    ).toContain("open it first");
    const opened = await openSession(h, {}, dalateAdmin);
    await ok(h, COMPLETE, { input: { id: opened.id, expectedVersion: opened.version } }, dalateAdmin);
    expect(
      await h.expectRefused("BAD_USER_INPUT", () => enroll(opened.id, dalate[0].statisticianId)),
    ).toContain("already completed");
  });

  it("only the organizer's bureau or the city enrols: another banner's admin gets NOT_FOUND (as for a missing session), a clerk FORBIDDEN", async () => {
    const session = await openSession(h, {}, dalateAdmin);
    expect(
      await h.expectRefused("NOT_FOUND", () => enroll(session.id, dalate[0].statisticianId, zhungeerAdmin)),
    ).toBe(`Training session ${session.id} does not exist in your area.`);
    expect(
      await h.expectRefused("FORBIDDEN", () =>
        enroll(session.id, dalate[0].statisticianId, as("UNIT_CLERK", SHULINZHAO)),
      ),
    ).toBe("Only CITY_ADMIN or BANNER_ADMIN may enrol participants; you are UNIT_CLERK.");
    await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      cityAdmin,
    );
  });

  it("an unknown session is NOT_FOUND", async () => {
    const unknown = randomUUID();
    expect(await h.expectRefused("NOT_FOUND", () => enroll(unknown, dalate[0].statisticianId))).toBe(
      `Training session ${unknown} does not exist in your area.`,
    );
  });

  it("#10.3: withdrawing another banner's enrolment is refused as for a missing enrolment, before the reason is checked", async () => {
    const session = await openSession(h, {}, dalateAdmin);
    const enrolled = await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: dalate[0].statisticianId } },
      dalateAdmin,
    );
    const unknown = randomUUID();
    const withdraw = (enrollmentId: string) =>
      h.call(
        WITHDRAW,
        { input: { enrollmentId, expectedVersion: 1, reason: "x".repeat(501) } },
        zhungeerAdmin,
      );
    expect(await h.expectRefused("NOT_FOUND", () => withdraw(enrolled.id))).toBe(
      `Enrollment ${enrolled.id} does not exist in your area.`,
    );
    expect(await h.expectRefused("NOT_FOUND", () => withdraw(unknown))).toBe(
      `Enrollment ${unknown} does not exist in your area.`,
    );
  });
});
