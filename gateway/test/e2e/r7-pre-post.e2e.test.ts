import { orgUnitIdForCode } from "@grassroots/kit";
import { startSuite, waitFor, type RunningSuite } from "@grassroots/testing";
import {
  appointNewcomer as appoint,
  chinaDay as day,
  DALATE,
  gatewayClient,
  importOrdosDivisions,
} from "../support/ordos-suite";

// R7 across the services, as a client sees it: a newly appointed person waits (PENDING_TRAINING) in
// personnel; the banner bureau trains them in training; passing the pre-post session issues a
// certificate whose event (Kafka) makes personnel activate the appointment. Real processes, databases
// and broker; every step through the gateway.

let suite: RunningSuite;
let bannerToken: string;

const gql = gatewayClient(
  () => suite,
  () => bannerToken,
);

const PERSON = `query ($id: ID!) { statistician(id: $id) {
  name assignments { id status certificateId } prePostGate { certified certificateNumber }
  prePostTraining { completed completedOn certificate { id number } }
  trainingRecords { result hoursAttended session { title kind status } } } }`;

const appointNewcomer = (n: number) => appoint(gql, `新上岗${n}`, n);

beforeAll(async () => {
  suite = await startSuite(["organization", "personnel", "training"]);
  importOrdosDivisions(suite);
  bannerToken = await suite.token("BANNER_ADMIN", DALATE);
}, 180000);

afterAll(async () => {
  await suite?.stop();
});

describe("R7 end to end: organization → personnel → training → personnel, through the gateway", () => {
  it("R7: a newly appointed person is PENDING_TRAINING; passing a PRE_POST session makes the appointment ACTIVE with no human step; a failed one stays pending", async () => {
    const passer = await appointNewcomer(1);
    const failer = await appointNewcomer(2);
    const before = (await gql(PERSON, { id: passer.statisticianId })).statistician;
    expect(before.assignments).toEqual([
      { id: passer.assignmentId, status: "PENDING_TRAINING", certificateId: null },
    ]);
    expect(before.prePostGate.certified).toBe(false);

    // The banner bureau's pre-post session, held over the last days.
    const { planTrainingSession: planned } = await gql(
      `mutation ($input: PlanTrainingSessionInput!) { planTrainingSession(input: $input) { id version } }`,
      {
        input: {
          organizerUnitId: orgUnitIdForCode(DALATE),
          kind: "PRE_POST",
          title: "达拉特旗新上岗统计人员岗前培训",
          audience: "GRASSROOTS_STAFF",
          startDate: day(-3),
          endDate: day(-2),
          hours: 16,
          capacity: 20,
          place: "达拉特旗统计局会议室",
        },
      },
    );
    const { openTrainingSession: opened } = await gql(
      `mutation ($input: TrainingSessionStepInput!) { openTrainingSession(input: $input) { id version } }`,
      { input: { id: planned.id, expectedVersion: planned.version } },
    );
    // Training learns who serves where from personnel's events: retry the enrolment until it has.
    for (const person of [passer, failer]) {
      await waitFor(
        () =>
          gql(
            `mutation ($input: EnrollInTrainingSessionInput!) { enrollInTrainingSession(input: $input) { id } }`,
            {
              input: { sessionId: opened.id, statisticianId: person.statisticianId },
            },
          ).catch(() => undefined),
        "training to know the newcomer's post",
        30000,
        500,
      );
    }
    const { completeTrainingSession: completed } = await gql(
      `mutation ($input: TrainingSessionStepInput!) { completeTrainingSession(input: $input) { id status } }`,
      { input: { id: opened.id, expectedVersion: opened.version } },
    );
    expect(completed.status).toBe("COMPLETED");
    const { recordTrainingResults: results } = await gql(
      `mutation ($input: RecordTrainingResultsInput!) { recordTrainingResults(input: $input) { statisticianId result certificate { id number } } }`,
      {
        input: {
          sessionId: opened.id,
          rows: [
            { statisticianId: passer.statisticianId, hoursAttended: 16, result: "PASSED", score: 91 },
            { statisticianId: failer.statisticianId, hoursAttended: 16, result: "FAILED", score: 42 },
          ],
        },
      },
    );
    const certificate = results[0].certificate;
    expect(certificate.number).toMatch(new RegExp(`^${DALATE}-\\d{4}-0001$`));
    expect(results[1].certificate).toBeNull();

    // Personnel consumes PrePostCertificateIssued and activates the appointment by itself.
    const after = await waitFor(
      async () => {
        const person = (await gql(PERSON, { id: passer.statisticianId })).statistician;
        return person.assignments[0].status === "ACTIVE" ? person : undefined;
      },
      "the appointment to become ACTIVE",
      30000,
      500,
    );
    expect(after.assignments).toEqual([
      { id: passer.assignmentId, status: "ACTIVE", certificateId: certificate.id },
    ]);
    expect(after.prePostGate).toEqual({ certified: true, certificateNumber: certificate.number });
    expect(after.prePostTraining).toEqual({ completed: true, completedOn: day(-2), certificate });
    expect(after.trainingRecords).toEqual([
      {
        result: "PASSED",
        hoursAttended: 16,
        session: { title: "达拉特旗新上岗统计人员岗前培训", kind: "PRE_POST", status: "COMPLETED" },
      },
    ]);

    await new Promise((r) => setTimeout(r, 1500)); // an activation would have come with the other one
    const failed = (await gql(PERSON, { id: failer.statisticianId })).statistician;
    expect(failed.assignments.map((a: { status: string }) => a.status)).toEqual(["PENDING_TRAINING"]);
    expect(failed.prePostTraining).toEqual({ completed: false, completedOn: null, certificate: null });
  });
});
