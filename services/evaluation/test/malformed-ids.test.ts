import {
  as,
  cityAdmin,
  cityInspector,
  dalateAdmin,
  SHULINZHAO,
  startHarness,
  type Harness,
} from "./support/harness";

// #14 fuzzing found that an id which is no UUID reached PostgreSQL (`invalid input syntax for type
// uuid`) and came back as INTERNAL_SERVER_ERROR. Such an id names no row: it is refused like a
// missing one, worded alike, and nothing is written or published.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const UUID_WITH_SPACE = " 564bcb1d-2286-4b5b-a454-618d8e819f68";
const MALFORMED = [UUID_WITH_SPACE, "not-a-uuid", "x".repeat(300)];

const MANAGERS = [cityAdmin, dalateAdmin];
const clerk = as("UNIT_CLERK", SHULINZHAO);

/** [rule, mutation, variables for an id, callers whose role may call it] */
const CASES: [string, string, (id: string) => Record<string, unknown>, ReturnType<typeof as>[]][] = [
  ["R12", `mutation ($id: ID!) { openAssessments(schemeVersionId: $id) { id } }`, (id) => ({ id }), MANAGERS],
  [
    "R12",
    `mutation ($input: PublishAssessmentResultsInput!) { publishAssessmentResults(input: $input) { id } }`,
    (id) => ({ input: { schemeVersionId: id } }),
    MANAGERS,
  ],
  [
    "R12",
    `mutation ($input: ManualScoreInput!) { recordManualScore(input: $input) { id } }`,
    (id) => ({ input: { assessmentId: id, expectedVersion: 1, indicatorCode: "A1", score: "1" } }),
    MANAGERS,
  ],
  [
    "R12",
    `mutation ($input: AssessmentStepInput!) { scoreAssessment(input: $input) { id } }`,
    (id) => ({ input: { assessmentId: id, expectedVersion: 1 } }),
    MANAGERS,
  ],
  [
    "R12",
    `mutation ($input: DecideCommendationInput!) { decideCommendation(input: $input) { id } }`,
    (id) => ({ input: { commendationId: id, approve: true, expectedVersion: 1 } }),
    [cityAdmin],
  ],
  [
    "R11",
    `mutation ($input: ChangeProblemStatusInput!) { changeProblemStatus(input: $input) { id } }`,
    (id) => ({ input: { problemId: id, status: "IN_PROGRESS", expectedVersion: 1 } }),
    MANAGERS,
  ],
  [
    "R11",
    `mutation ($input: CarryOverProblemInput!) { carryOverProblem(input: $input) { from { id } } }`,
    (id) => ({ input: { problemId: id, toMeetingId: id, dueDate: "2026-07-30", expectedVersion: 1 } }),
    MANAGERS,
  ],
  [
    "R13",
    `mutation ($input: SubmitRectificationInput!) { submitRectification(input: $input) { id } }`,
    (id) => ({ input: { findingId: id, measures: "整改", evidence: "材料", expectedVersion: 1 } }),
    [clerk],
  ],
  [
    "R13",
    `mutation ($input: DecideRectificationInput!) { decideRectification(input: $input) { id } }`,
    (id) => ({ input: { findingId: id, accept: true, expectedVersion: 1 } }),
    [cityInspector],
  ],
];

describe.each(CASES)("%s #14: a malformed id", (_rule, mutation, variables, callers) => {
  const name = /\{ (\w+)\(/.exec(mutation)![1];
  it.each(MALFORMED.map((id) => [JSON.stringify(id).slice(0, 24), id]))(
    `${name} with %s is refused as a missing one, nothing written`,
    async (_label, id) => {
      for (const who of callers) {
        const message = await h.expectRefused("NOT_FOUND", () => h.call(mutation, variables(id), who));
        expect(message).toContain(`${id} does not exist in your area.`);
      }
    },
  );
});
