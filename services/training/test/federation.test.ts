import { randomUUID } from "node:crypto";
import {
  cityAdmin,
  DALATE,
  dalateAdmin,
  GONGYE,
  idOf,
  ordosStates,
  SHULINZHAO,
  startHarness,
  YINGZE,
  ZHUNGEER,
  zhungeerAdmin,
  type Appointment,
  type Harness,
} from "./support/harness";
import { completedSession, ok, RECORD_ALL, result } from "./support/operations";

let h: Harness;
let people: Appointment[];
let outsider: Appointment;
let sessionId: string;
let enrollmentIds: string[];
let certificateIds: string[];

const STATISTICIANS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Statistician { id } } }`;
const RECORDS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Statistician { id
  trainingRecords { id result hoursAttended session { id title kind enrolledCount } certificate { number } }
  prePostTraining { completed certificate { number session { id } } } } } }`;

const reps = (typename: string, ids: string[]) => ids.map((id) => ({ __typename: typename, id }));

beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  people = await h.appoint(
    Array.from({ length: 50 }, (_, i) => ({
      unitCode: i % 2 ? SHULINZHAO : GONGYE,
      name: `统计员${i + 1}`,
      status: "PENDING_TRAINING" as const,
    })),
  );
  [outsider] = await h.appoint([{ unitCode: YINGZE, name: "外旗" }]);
  const ids = people.map((p) => p.statisticianId);
  const session = await completedSession(h, { kind: "PRE_POST", hours: 16, capacity: 60 }, ids, dalateAdmin);
  sessionId = session.id;
  const rows = await ok(
    h,
    RECORD_ALL,
    { input: { sessionId, rows: ids.map((id, i) => result(id, 16, i % 5 ? "PASSED" : "FAILED")) } },
    dalateAdmin,
  );
  enrollmentIds = rows.map((r: { id: string }) => r.id);
  certificateIds = rows
    .filter((r: { certificate: unknown }) => r.certificate)
    .map((r: { certificate: { id: string } }) => r.certificate.id);
}, 120000);
afterAll(() => h.stop());

/** Statements the data source sent while the call ran (TypeORM logs every one, the scope lookup included). */
async function counted(query: string, variables: Record<string, unknown>, identity = cityAdmin) {
  h.queries.queries = [];
  const res = await h.call(query, variables, identity);
  expect(res.errors).toBeUndefined();
  return { res, statements: h.queries.queries.length };
}

describe("federation: batched, scoped references", () => {
  it.each([1, 10, 50])(
    "resolves %i Statistician references by key alone: no SQL (training's fields check the area in one batched query)",
    async (n) => {
      const { res, statements } = await counted(STATISTICIANS, {
        reps: reps(
          "Statistician",
          people.slice(0, n).map((p) => p.statisticianId),
        ),
      });
      expect(res.data!._entities).toHaveLength(n);
      expect(res.data!._entities.every((e: unknown) => e !== null)).toBe(true);
      expect(statements).toBe(0);
    },
  );

  it("trainingRecords and prePostTraining of 1 or 50 people take the same few queries (one per loader, no N+1)", async () => {
    const one = await counted(RECORDS, { reps: reps("Statistician", [people[0].statisticianId]) });
    const fifty = await counted(RECORDS, {
      reps: reps(
        "Statistician",
        people.map((p) => p.statisticianId),
      ),
    });
    expect(fifty.statements).toBe(one.statements);
    // visible people · their enrolments · the sessions · enrolled counts · certificates per enrolment · per person
    expect(fifty.statements).toBe(6);
    const records = fifty.res.data!._entities;
    expect(records[1].trainingRecords).toEqual([
      {
        id: enrollmentIds[1],
        result: "PASSED",
        hoursAttended: 16,
        session: { id: sessionId, title: "岗前培训", kind: "PRE_POST", enrolledCount: 50 },
        certificate: { number: expect.stringMatching(/^150621000000-2026-\d{4}$/) },
      },
    ]);
    expect(records[0].prePostTraining).toEqual({ completed: false, certificate: null });
    expect(records[1].prePostTraining).toMatchObject({
      completed: true,
      certificate: { session: { id: sessionId } },
    });
  });

  it("resolves 60 OrgUnit references by key alone: no SQL", async () => {
    const keys = ordosStates()
      .slice(0, 60)
      .map((u) => u.id);
    const { res, statements } = await counted(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id } } }`,
      {
        reps: reps("OrgUnit", keys),
      },
    );
    expect(res.data!._entities.map((e: { id: string } | null) => e?.id)).toEqual(keys);
    expect(statements).toBe(0);
  });

  it.each([
    ["TrainingSession", () => [sessionId]],
    ["TrainingEnrollment", () => enrollmentIds],
    ["TrainingCertificate", () => certificateIds],
  ])("resolves %s references with ONE SQL query", async (typename, ids) => {
    const keys = ids();
    const { res, statements } = await counted(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${typename} { id } } }`,
      {
        reps: reps(typename, keys),
      },
    );
    expect(res.data!._entities.map((e: { id: string } | null) => e?.id)).toEqual(keys);
    expect(statements).toBe(1);
  });

  it("refuses references without an identity", async () => {
    const res = await h.call(STATISTICIANS, { reps: reps("Statistician", [people[0].statisticianId]) });
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("serves its SDL to composition through _service, extending Statistician and OrgUnit by key", async () => {
    const sdl: string = (await h.call(`{ _service { sdl } }`)).data!._service.sdl;
    expect(sdl).toMatch(/type Statistician\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type OrgUnit\s+@key\(fields: "id"\)/);
  });
});

const ENTITIES = (fragment: string) =>
  `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;
const SESSION_VIEW = `... on TrainingSession { id title kind status hours organizer { id } place plannedBy plannedByName completedAt
  enrolledCount enrollments { id } inYourArea }`;
const ENROLLMENT_VIEW = `... on TrainingEnrollment { id statisticianId status result hoursAttended score enrolledBy resultRecordedByName
  certificate { id } inYourArea session { id inYourArea place enrollments { id } } statistician { id trainingRecords { id } } }`;
const CERTIFICATE_VIEW = `... on TrainingCertificate { id number year issuedBy issuedByName inYourArea session { id inYourArea } }`;
const UNIT_FIELDS = `... on OrgUnit { id trainingSessions { totalCount } trainingCoverage(year: 2026) { year } }`;

describe("#10.1: a reference outside the caller's area resolves — a public view or null fields, never a null entity", () => {
  it("#10.1: Statistician references outside the area resolve to the key with training's fields null; only a malformed key is null", async () => {
    const unknown = randomUUID();
    const ids = [people[0].statisticianId, outsider.statisticianId, "not-a-uuid", unknown];
    const asDalate = await h.call(RECORDS, { reps: reps("Statistician", ids) }, dalateAdmin);
    expect(asDalate.errors).toBeUndefined();
    const [own, other, malformed, missing] = asDalate.data!._entities;
    expect(own).toMatchObject({ id: people[0].statisticianId, prePostTraining: { completed: false } });
    expect(own.trainingRecords).toHaveLength(1);
    expect(other).toEqual({ id: outsider.statisticianId, trainingRecords: null, prePostTraining: null });
    expect(malformed).toBeNull();
    expect(missing).toEqual({ id: unknown, trainingRecords: null, prePostTraining: null });
    const asZhungeer = await h.call(
      RECORDS,
      { reps: reps("Statistician", [people[0].statisticianId, outsider.statisticianId]) },
      zhungeerAdmin,
    );
    expect(asZhungeer.data!._entities).toEqual([
      { id: people[0].statisticianId, trainingRecords: null, prePostTraining: null },
      {
        id: outsider.statisticianId,
        trainingRecords: [],
        prePostTraining: { completed: false, certificate: null },
      },
    ]);
  });

  it("#10.1: OrgUnit references outside the area resolve to the key with trainingSessions and trainingCoverage null", async () => {
    const res = await h.call(
      ENTITIES(UNIT_FIELDS),
      { reps: reps("OrgUnit", [idOf(DALATE), idOf(ZHUNGEER), "x"]) },
      dalateAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { id: idOf(DALATE), trainingSessions: { totalCount: 1 }, trainingCoverage: { year: 2026 } },
      { id: idOf(ZHUNGEER), trainingSessions: null, trainingCoverage: null },
      null,
    ]);
  });

  it("#10.1: a session outside the area resolves to its public view (inYourArea false, nullable fields null, no enrolments); unknown ids are null", async () => {
    const res = await h.call(
      ENTITIES(SESSION_VIEW),
      { reps: reps("TrainingSession", [sessionId, randomUUID(), "x"]) },
      zhungeerAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      {
        id: sessionId,
        title: "岗前培训",
        kind: "PRE_POST",
        status: "COMPLETED",
        hours: 16,
        organizer: { id: idOf(DALATE) },
        place: null,
        plannedBy: null,
        plannedByName: null,
        completedAt: null,
        enrolledCount: 50,
        enrollments: [],
        inYourArea: false,
      },
      null,
      null,
    ]);
    const whole = (
      await h.call(ENTITIES(SESSION_VIEW), { reps: reps("TrainingSession", [sessionId]) }, dalateAdmin)
    ).data!._entities[0];
    expect(whole).toMatchObject({
      inYourArea: true,
      place: "达拉特旗统计局培训室",
      plannedBy: dalateAdmin.userId,
      plannedByName: dalateAdmin.userId,
    });
    expect(whole.completedAt).not.toBeNull();
    expect(whole.enrollments).toHaveLength(50);
  });

  it("#10.1: an enrolment and a certificate outside the area resolve to public views: no result, no certificate, no actors", async () => {
    const enrollment = await h.call(
      ENTITIES(ENROLLMENT_VIEW),
      { reps: reps("TrainingEnrollment", [enrollmentIds[1]]) },
      zhungeerAdmin,
    );
    expect(enrollment.errors).toBeUndefined();
    expect(enrollment.data!._entities).toEqual([
      {
        id: enrollmentIds[1],
        statisticianId: people[1].statisticianId,
        status: "ENROLLED",
        result: null,
        hoursAttended: null,
        score: null,
        enrolledBy: null,
        resultRecordedByName: null,
        certificate: null,
        inYourArea: false,
        session: { id: sessionId, inYourArea: false, place: null, enrollments: [] },
        statistician: { id: people[1].statisticianId, trainingRecords: null },
      },
    ]);
    const certificate = await h.call(
      ENTITIES(CERTIFICATE_VIEW),
      { reps: reps("TrainingCertificate", [certificateIds[0]]) },
      zhungeerAdmin,
    );
    expect(certificate.data!._entities).toEqual([
      {
        id: certificateIds[0],
        number: expect.stringMatching(/^150621000000-2026-\d{4}$/),
        year: 2026,
        issuedBy: null,
        issuedByName: null,
        inYourArea: false,
        session: { id: sessionId, inYourArea: false },
      },
    ]);
    // Inside the area the same references are whole.
    const own = (
      await h.call(
        ENTITIES(ENROLLMENT_VIEW),
        { reps: reps("TrainingEnrollment", [enrollmentIds[1]]) },
        dalateAdmin,
      )
    ).data!._entities[0];
    expect(own).toMatchObject({
      result: "PASSED",
      hoursAttended: 16,
      enrolledBy: dalateAdmin.userId,
      inYourArea: true,
      session: { inYourArea: true },
    });
    expect(own.certificate).not.toBeNull();
    const held = (
      await h.call(
        ENTITIES(CERTIFICATE_VIEW),
        { reps: reps("TrainingCertificate", [certificateIds[0]]) },
        dalateAdmin,
      )
    ).data!._entities[0];
    expect(held).toMatchObject({ issuedBy: dalateAdmin.userId, inYourArea: true });
  });
});
