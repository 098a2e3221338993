import {
  as,
  cityAdmin,
  cityInspector,
  DALATE,
  dalateAdmin,
  idOf,
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

// The same fuzzing found that a String date field took "0000-01-01" (no such year in PostgreSQL)
// and "2026-02-30" (JavaScript's 2 March) past the check, to fail in the database.
describe.each(["0000-01-01", "2026-02-30", "1899-12-31"])("R11/R13 #14: an impossible date %s", (date) => {
  it("is refused naming the field, nothing written: an inspection's date and a meeting's date", async () => {
    const inspection = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`;
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        inspection,
        {
          input: {
            inspectedUnitId: idOf(DALATE),
            inspectionDate: date,
            kind: "BUSINESS_ASSESSMENT",
            inspector: "市统计局",
            findings: [],
          },
        },
        cityAdmin,
      ),
    );
    expect(message).toBe("inspectionDate must be a date YYYY-MM-DD from 1900 on.");
    const meeting = `mutation ($input: RecordWorkMeetingInput!) { recordWorkMeeting(input: $input) { id } }`;
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        meeting,
        {
          input: {
            holderUnitId: idOf(DALATE),
            meetingDate: date,
            kind: "EXECUTIVE",
            chair: "旗长",
            topics: ["基层统计"],
            studiedGrassrootsStatistics: true,
            problems: [],
          },
        },
        dalateAdmin,
      ),
    );
  });
});
