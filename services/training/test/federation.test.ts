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
  people = await h.appoint(Array.from({ length: 50 }, (_, i) => ({ unitCode: i % 2 ? SHULINZHAO : GONGYE, name: `统计员${i + 1}`, status: "PENDING_TRAINING" as const })));
  [outsider] = await h.appoint([{ unitCode: YINGZE, name: "外旗" }]);
  const ids = people.map((p) => p.statisticianId);
  const session = await completedSession(h, { kind: "PRE_POST", hours: 16, capacity: 60 }, ids, dalateAdmin);
  sessionId = session.id;
  const rows = await ok(h, RECORD_ALL, { input: { sessionId, rows: ids.map((id, i) => result(id, 16, i % 5 ? "PASSED" : "FAILED")) } }, dalateAdmin);
  enrollmentIds = rows.map((r: { id: string }) => r.id);
  certificateIds = rows.filter((r: { certificate: unknown }) => r.certificate).map((r: { certificate: { id: string } }) => r.certificate.id);
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
  it.each([1, 10, 50])("resolves %i Statistician references with ONE SQL query", async (n) => {
    const { res, statements } = await counted(STATISTICIANS, { reps: reps("Statistician", people.slice(0, n).map((p) => p.statisticianId)) });
    expect(res.data!._entities).toHaveLength(n);
    expect(res.data!._entities.every((e: unknown) => e !== null)).toBe(true);
    expect(statements).toBe(1);
  });

  it("trainingRecords and prePostTraining of 1 or 50 people take the same few queries (one per loader, no N+1)", async () => {
    const one = await counted(RECORDS, { reps: reps("Statistician", [people[0].statisticianId]) });
    const fifty = await counted(RECORDS, { reps: reps("Statistician", people.map((p) => p.statisticianId)) });
    expect(fifty.statements).toBe(one.statements);
    // visible people · their enrolments · the sessions · enrolled counts · certificates per enrolment · per person
    expect(fifty.statements).toBe(6);
    const records = fifty.res.data!._entities;
    expect(records[1].trainingRecords).toEqual([
      { id: enrollmentIds[1], result: "PASSED", hoursAttended: 16, session: { id: sessionId, title: "岗前培训", kind: "PRE_POST", enrolledCount: 50 }, certificate: { number: expect.stringMatching(/^150621000000-2026-\d{4}$/) } },
    ]);
    expect(records[0].prePostTraining).toEqual({ completed: false, certificate: null });
    expect(records[1].prePostTraining).toMatchObject({ completed: true, certificate: { session: { id: sessionId } } });
  });

  it.each([
    ["OrgUnit", () => ordosStates().slice(0, 60).map((u) => u.id)],
    ["TrainingSession", () => [sessionId]],
    ["TrainingEnrollment", () => enrollmentIds],
    ["TrainingCertificate", () => certificateIds],
  ])("resolves %s references with ONE SQL query", async (typename, ids) => {
    const keys = ids();
    const { res, statements } = await counted(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${typename} { id } } }`, {
      reps: reps(typename, keys),
    });
    expect(res.data!._entities.map((e: { id: string } | null) => e?.id)).toEqual(keys);
    expect(statements).toBe(1);
  });

  it("keeps the caller's area: outside it (or not an id) a reference resolves to null, in order", async () => {
    const ids = [people[0].statisticianId, outsider.statisticianId, "not-a-uuid", randomUUID()];
    const asDalate = await h.call(STATISTICIANS, { reps: reps("Statistician", ids) }, dalateAdmin);
    expect(asDalate.data!._entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual([people[0].statisticianId, null, null, null]);
    const asZhungeer = await h.call(RECORDS, { reps: reps("Statistician", [people[0].statisticianId, outsider.statisticianId]) }, zhungeerAdmin);
    expect(asZhungeer.data!._entities).toEqual([null, { id: outsider.statisticianId, trainingRecords: [], prePostTraining: { completed: false, certificate: null } }]);
    const units = await h.call(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id } } }`, { reps: reps("OrgUnit", [idOf(DALATE), idOf("150622000000")]) }, dalateAdmin);
    expect(units.data!._entities).toEqual([{ id: idOf(DALATE) }, null]);
    const session = await h.call(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on TrainingSession { id } } }`, { reps: reps("TrainingSession", [sessionId]) }, zhungeerAdmin);
    expect(session.data!._entities).toEqual([null]);
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
