import { SqlSeedReads } from "../src/db/repositories/seed.reads";
import { seedEvaluation } from "../src/domain/seed/seed";
import {
  as,
  CITY,
  DALATE,
  idOf,
  ordosStates,
  startHarness,
  YINGZE,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  await seedEvaluation(h.services, new SqlSeedReads(h.dataSource));
}, 120000);
afterAll(() => h.stop());

const EVERYTHING = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id
  scorecard(year: 2025) { score rules { rule } }
  assessments { status total scores { points } scheme { name } }
  assessmentMetrics(year: 2025) { metric value }
  meetings(year: 2025) { meetingDate problems { status } }
  inspections { kind findings { status rectifications { decision } } }
  commendations { kind } } } }`;
const reps = (codes: string[]) => codes.map((code) => ({ __typename: "OrgUnit", id: idOf(code) }));

async function statements(codes: string[]) {
  h.queries.queries = [];
  const res = await h.call(EVERYTHING, { reps: reps(codes) }, as("INSPECTOR", CITY));
  expect(res.errors).toBeUndefined();
  return { res, n: h.queries.queries.filter((q) => !/outbox|inbox/i.test(q)).length };
}

it("federation: every evaluation field on OrgUnit is batched — the same statements for 1 unit or the whole tree", async () => {
  const banners = ordosStates()
    .filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT")
    .map((u) => u.code);
  const one = await statements([DALATE]);
  const all = await statements(ordosStates().map((u) => u.code));
  expect(all.n).toBe(one.n);
  const dalate = one.res.data!._entities[0];
  expect(dalate.assessments[0]).toMatchObject({
    status: "PUBLISHED",
    scheme: { name: expect.stringMatching(/^示例：/) },
  });
  expect(dalate.meetings).toHaveLength(1);
  expect(dalate.inspections).toHaveLength(2); // the seed inspects each banner last year and this year
  expect(banners.length).toBeGreaterThan(1);
});

it("federation: outside the caller's area a unit resolves to its public view — scorecard and metrics null, lists empty", async () => {
  const res = await h.call(EVERYTHING, { reps: reps([DALATE, YINGZE]) }, zhungeerAdmin);
  expect(res.errors).toBeUndefined();
  const [dalate, yingze] = res.data!._entities;
  expect(dalate).toEqual({
    id: idOf(DALATE),
    scorecard: null,
    assessments: [],
    assessmentMetrics: null,
    meetings: [],
    inspections: [],
    commendations: [],
  });
  expect(yingze.scorecard).not.toBeNull();
});
