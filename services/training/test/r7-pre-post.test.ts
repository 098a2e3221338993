import { PrePostCertificateIssued } from "@grassroots/events";
import { readTopic } from "@grassroots/testing";
import { randomUUID } from "node:crypto";
import {
  cityAdmin,
  DALATE,
  dalateAdmin,
  GONGYE,
  idOf,
  outboxTypes,
  SHULINZHAO,
  startHarness,
  YINGZE,
  zhungeerAdmin,
  type Appointment,
  type Harness,
} from "./support/harness";
import {
  completedSession,
  ENROLL,
  ISSUE,
  ok,
  openSession,
  RECORD,
  RECORD_ALL,
  result,
} from "./support/operations";

let h: Harness;
let people: Appointment[];
let zhungeerPeople: Appointment[];
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  people = await h.appoint(
    Array.from({ length: 12 }, (_, i) => ({
      unitCode: i % 2 ? SHULINZHAO : GONGYE,
      name: `新上岗${i + 1}`,
      status: "PENDING_TRAINING" as const,
    })),
  );
  zhungeerPeople = await h.appoint([{ unitCode: YINGZE, name: "准格尔新人", status: "PENDING_TRAINING" }]);
});
afterAll(() => h.stop());

const record = (input: Record<string, unknown>, identity = dalateAdmin) =>
  h.call(RECORD, { input }, identity);
const recordAll = (sessionId: string, rows: unknown[], identity = dalateAdmin) =>
  h.call(RECORD_ALL, { input: { sessionId, rows } }, identity);
const certificates = async (): Promise<{ number: string; statistician_id: string }[]> =>
  h.dataSource.query(
    `SELECT number, statistician_id FROM training_certificate ORDER BY organizer_unit_id, year, seq`,
  );
const prePost = (ids: string[], start = "2026-04-01", end = "2026-04-02") =>
  completedSession(h, { kind: "PRE_POST", hours: 16, startDate: start, endDate: end }, ids, dalateAdmin);

describe("R7: pre-post training before taking up the post", () => {
  it("R7: passing a PRE_POST session issues a numbered certificate and publishes PrePostCertificateIssued to Kafka", async () => {
    const person = people[0];
    const session = await prePost([person.statisticianId]);
    const recorded = await ok(
      h,
      RECORD,
      { input: { sessionId: session.id, ...result(person.statisticianId, 16, "PASSED", 92.5) } },
      dalateAdmin,
    );
    expect(recorded).toMatchObject({ result: "PASSED", hoursAttended: 16, score: 92.5 });
    expect(recorded.certificate).toMatchObject({
      number: `${DALATE}-2026-0001`,
      year: 2026,
      completedOn: "2026-04-02",
    });
    expect((await outboxTypes(h.dataSource)).slice(-2)).toEqual([
      "grassroots.training.session.attendance-recorded.v1",
      "grassroots.training.certificate.issued.v1",
    ]);

    const topic = `${h.prefix}${PrePostCertificateIssued.topic}`;
    const messages = (await readTopic(topic, 1)).filter((m) => m.key === person.statisticianId);
    expect(messages).toHaveLength(1);
    expect(messages[0].headers).toMatchObject({
      ce_type: PrePostCertificateIssued.type,
      ce_source: "/grassroots/training",
      ce_subject: person.statisticianId,
    });
    expect(JSON.parse(messages[0].value!)).toEqual({
      certificateId: recorded.certificate.id,
      certificateNumber: `${DALATE}-2026-0001`,
      statisticianId: person.statisticianId,
      sessionId: session.id,
      organizerUnitId: idOf(DALATE),
      kind: "PRE_POST",
      completedOn: "2026-04-02",
    });
  });

  it("R7: FAILED and ABSENT results get no certificate and no certificate event (attendance is still recorded)", async () => {
    const [failed, absent] = [people[1], people[2]];
    const session = await prePost([failed.statisticianId, absent.statisticianId]);
    const before = await certificates();
    const types = (await outboxTypes(h.dataSource)).length;
    const rows = await ok(
      h,
      RECORD_ALL,
      {
        input: {
          sessionId: session.id,
          rows: [result(failed.statisticianId, 16, "FAILED", 41), result(absent.statisticianId, 0, "ABSENT")],
        },
      },
      dalateAdmin,
    );
    expect(rows.map((r: { result: string; certificate: unknown }) => [r.result, r.certificate])).toEqual([
      ["FAILED", null],
      ["ABSENT", null],
    ]);
    expect(await certificates()).toEqual(before);
    expect((await outboxTypes(h.dataSource)).slice(types)).toEqual([
      "grassroots.training.session.attendance-recorded.v1",
      "grassroots.training.session.attendance-recorded.v1",
    ]);
  });

  it("R7: a certificate for a FAILED result is refused: BAD_USER_INPUT, nothing written, no event", async () => {
    const person = people[3];
    const session = await prePost([person.statisticianId]);
    const failed = await ok(
      h,
      RECORD,
      { input: { sessionId: session.id, ...result(person.statisticianId, 15, "FAILED", 50) } },
      dalateAdmin,
    );
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(ISSUE, { id: failed.id }, dalateAdmin),
    );
    expect(message).toContain("A FAILED result earns no pre-post certificate");
  });

  it("R7: a PASSED pre-post result below the attendance share (80% of 16 h = 12.8 h) is refused", async () => {
    const person = people[4];
    const session = await prePost([person.statisticianId]);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      record({ sessionId: session.id, ...result(person.statisticianId, 12.7, "PASSED") }),
    );
    expect(message).toContain("12.8 h");
    const passed = await ok(
      h,
      RECORD,
      { input: { sessionId: session.id, ...result(person.statisticianId, 12.8, "PASSED") } },
      dalateAdmin,
    );
    expect(passed.certificate).not.toBeNull();
  });

  it("refuses results for a person not enrolled", async () => {
    const session = await prePost([people[5].statisticianId]);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      record({ sessionId: session.id, ...result(people[6].statisticianId, 16, "PASSED") }),
    );
    expect(message).toContain("is not enrolled");
  });

  it("refuses hours attended above the session's hours", async () => {
    const session = await prePost([people[5].statisticianId], "2026-04-10", "2026-04-11");
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      record({ sessionId: session.id, ...result(people[5].statisticianId, 16.5, "PASSED") }),
    );
    expect(message).toContain("16.5 is above the session's 16 hours");
  });

  it.each([
    ["ABSENT with hours", result(randomUUID(), 2, "ABSENT"), "ABSENT participant has 0 hours"],
    ["a score above 100", result(randomUUID(), 16, "PASSED", 101), "score must be from 0 to 100"],
    ["two decimals of hours", result(randomUUID(), 15.25, "PASSED"), "at most one decimal"],
    ["FAILED with no hours", result(randomUUID(), 0, "FAILED"), "record ABSENT"],
  ])("refuses %s", async (_what, row, text) => {
    const session = await prePost([], "2026-05-01", "2026-05-02");
    expect(
      await h.expectRefused("BAD_USER_INPUT", () => record({ sessionId: session.id, ...row })),
    ).toContain(text);
  });

  it("refuses results before the session is completed", async () => {
    const session = await openSession(h, { kind: "PRE_POST" }, dalateAdmin);
    await ok(
      h,
      ENROLL,
      { input: { sessionId: session.id, statisticianId: people[7].statisticianId } },
      dalateAdmin,
    );
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      record({ sessionId: session.id, ...result(people[7].statisticianId, 16, "PASSED") }),
    );
    expect(message).toContain("before it is completed");
  });

  it("a bulk upload with one bad row writes nothing of it, and the error names the row", async () => {
    const ids = [people[7], people[8], people[9]].map((p) => p.statisticianId);
    const session = await prePost(ids, "2026-05-10", "2026-05-11");
    const rows = [result(ids[0], 16, "PASSED"), result(ids[1], 20, "PASSED"), result(ids[2], 16, "PASSED")];
    const refused = await recordAll(session.id, rows);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      row: 2,
      field: "rows[1].hoursAttended",
    });
    expect(refused.errors?.[0].message).toMatch(
      /^Row 2 \(statistician [0-9a-f-]+\): rows\[1\]\.hoursAttended 20 is above/,
    );
    await h.expectRefused("BAD_USER_INPUT", () => recordAll(session.id, rows));
    const notEnrolled = await h.expectRefused("BAD_USER_INPUT", () =>
      recordAll(session.id, [rows[0], result(people[10].statisticianId, 16, "PASSED")]),
    );
    expect(notEnrolled).toMatch(/^Row 2 .*is not enrolled/);
    const twice = await h.expectRefused("BAD_USER_INPUT", () =>
      recordAll(session.id, [rows[0], rows[2], rows[0]]),
    );
    expect(twice).toMatch(/^Row 3 .*already on row 1/);
  });

  it("a bulk upload writes every row in one go; certificates are numbered in sequence per organizer and year", async () => {
    const ids = [people[7], people[8], people[9]].map((p) => p.statisticianId);
    const session = await prePost(ids, "2026-05-20", "2026-05-21");
    const rows = await ok(
      h,
      RECORD_ALL,
      {
        input: {
          sessionId: session.id,
          rows: [result(ids[0], 16, "PASSED", 88), result(ids[1], 14, "PASSED"), result(ids[2], 6, "FAILED")],
        },
      },
      dalateAdmin,
    );
    const numbers = rows.map(
      (r: { certificate: { number: string } | null }) => r.certificate?.number ?? null,
    );
    const dalateNumbers = (await certificates()).map((c) => c.number).filter((n) => n.startsWith(DALATE));
    expect(numbers).toEqual([dalateNumbers.at(-2), dalateNumbers.at(-1), null]);
    expect(dalateNumbers).toEqual(
      dalateNumbers.map((_, i) => `${DALATE}-2026-${String(i + 1).padStart(4, "0")}`),
    );
  });

  it("another organizer's certificates have their own sequence", async () => {
    const person = zhungeerPeople[0];
    const session = await completedSession(
      h,
      { organizer: "150622000000", kind: "PRE_POST", hours: 8 },
      [person.statisticianId],
      zhungeerAdmin,
    );
    const passed = await ok(
      h,
      RECORD,
      { input: { sessionId: session.id, ...result(person.statisticianId, 8, "PASSED") } },
      zhungeerAdmin,
    );
    expect(passed.certificate.number).toBe("150622000000-2026-0001");
  });

  it("a result that earned a certificate cannot change (CONFLICT); sending the same values again changes nothing", async () => {
    const person = people[10];
    const session = await prePost([person.statisticianId], "2026-06-01", "2026-06-02");
    const passed = await ok(
      h,
      RECORD,
      { input: { sessionId: session.id, ...result(person.statisticianId, 16, "PASSED", 90) } },
      dalateAdmin,
    );
    await h.expectRefused("NOT_FOUND", () => h.call(ISSUE, { id: randomUUID() }, dalateAdmin));
    const message = await h.expectRefused("CONFLICT", () =>
      record({ sessionId: session.id, ...result(person.statisticianId, 16, "FAILED", 30) }),
    );
    expect(message).toContain(passed.certificate.number);
    const same = await ok(
      h,
      RECORD,
      { input: { sessionId: session.id, ...result(person.statisticianId, 16, "PASSED", 90) } },
      dalateAdmin,
    );
    expect(same).toMatchObject({
      version: passed.version,
      certificate: { number: passed.certificate.number },
    });
    const issued = await ok(h, ISSUE, { id: passed.id }, dalateAdmin);
    expect(issued.number).toBe(passed.certificate.number);
  });

  it("certificates issued at the same time in two sessions of one organizer get distinct consecutive numbers", async () => {
    const [a, b] = [people[11], people[6]];
    const first = await prePost([a.statisticianId], "2026-06-10", "2026-06-11");
    const second = await prePost([b.statisticianId], "2026-06-12", "2026-06-13");
    const [ra, rb] = await Promise.all([
      ok(
        h,
        RECORD,
        { input: { sessionId: first.id, ...result(a.statisticianId, 16, "PASSED") } },
        dalateAdmin,
      ),
      ok(
        h,
        RECORD,
        { input: { sessionId: second.id, ...result(b.statisticianId, 16, "PASSED") } },
        cityAdmin,
      ),
    ]);
    const seqs = [ra.certificate.number, rb.certificate.number]
      .map((n: string) => Number(n.split("-")[2]))
      .sort((x, y) => x - y);
    expect(seqs[1]).toBe(seqs[0] + 1);
    const [counter] = await h.dataSource.query(
      `SELECT last_seq FROM certificate_counter WHERE organizer_unit_id = $1 AND year = 2026`,
      [idOf(DALATE)],
    );
    expect(counter.last_seq).toBe(seqs[1]);
  });

  it("R7: the statistician shows a completed pre-post training with the certificate (federated field)", async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Statistician { id prePostTraining { completed completedOn certificate { number } } } } }`;
    const reps = [people[0], people[1]].map((p) => ({ __typename: "Statistician", id: p.statisticianId }));
    const res = await h.call(query, { reps }, dalateAdmin);
    expect(res.data!._entities).toEqual([
      {
        id: people[0].statisticianId,
        prePostTraining: {
          completed: true,
          completedOn: "2026-04-02",
          certificate: { number: `${DALATE}-2026-0001` },
        },
      },
      {
        id: people[1].statisticianId,
        prePostTraining: { completed: false, completedOn: null, certificate: null },
      },
    ]);
  });

  it("#10.3: results and certificates of another banner's session are refused as for a missing session, before the rows are checked", async () => {
    const person = people[9];
    const session = await prePost([person.statisticianId], "2026-06-20", "2026-06-21");
    const missing = randomUUID();
    expect(await h.expectRefused("NOT_FOUND", () => recordAll(session.id, [], zhungeerAdmin))).toBe(
      `Training session ${session.id} does not exist in your area.`,
    );
    expect(await h.expectRefused("NOT_FOUND", () => recordAll(missing, [], zhungeerAdmin))).toBe(
      `Training session ${missing} does not exist in your area.`,
    );
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        record({ sessionId: session.id, ...result(person.statisticianId, 99, "PASSED") }, zhungeerAdmin),
      ),
    ).toBe(`Training session ${session.id} does not exist in your area.`);
    expect(await h.expectRefused("BAD_USER_INPUT", () => recordAll(session.id, [], dalateAdmin))).toContain(
      "1 to 2000 rows",
    );
    const passed = await ok(
      h,
      RECORD,
      { input: { sessionId: session.id, ...result(person.statisticianId, 16, "PASSED") } },
      dalateAdmin,
    );
    expect(await h.expectRefused("NOT_FOUND", () => h.call(ISSUE, { id: passed.id }, zhungeerAdmin))).toBe(
      `Enrollment ${passed.id} does not exist in your area.`,
    );
  });
});
