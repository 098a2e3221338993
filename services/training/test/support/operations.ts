import type { Identity } from "@grassroots/kit";
import { cityAdmin, expectError, idOf, type Harness } from "./harness";

/** GraphQL documents and steps shared by the tests. */

export const SESSION_FIELDS = `id organizerUnitId kind title audience startDate endDate hours place online capacity status version
  enrolledCount placesLeft cancellationReason`;
export const ENROLLMENT_FIELDS = `id sessionId statisticianId status hoursAttended result score version certificate { id number year completedOn }`;

export const PLAN = `mutation ($input: PlanTrainingSessionInput!) { planTrainingSession(input: $input) { ${SESSION_FIELDS} } }`;
export const OPEN = `mutation ($input: TrainingSessionStepInput!) { openTrainingSession(input: $input) { ${SESSION_FIELDS} } }`;
export const COMPLETE = `mutation ($input: TrainingSessionStepInput!) { completeTrainingSession(input: $input) { ${SESSION_FIELDS} } }`;
export const CANCEL = `mutation ($input: CancelTrainingSessionInput!) { cancelTrainingSession(input: $input) { ${SESSION_FIELDS} } }`;
export const ENROLL = `mutation ($input: EnrollInTrainingSessionInput!) { enrollInTrainingSession(input: $input) { ${ENROLLMENT_FIELDS} } }`;
export const WITHDRAW = `mutation ($input: WithdrawTrainingEnrollmentInput!) { withdrawTrainingEnrollment(input: $input) { ${ENROLLMENT_FIELDS} withdrawalReason } }`;
export const RECORD = `mutation ($input: RecordTrainingResultInput!) { recordTrainingResult(input: $input) { ${ENROLLMENT_FIELDS} } }`;
export const RECORD_ALL = `mutation ($input: RecordTrainingResultsInput!) { recordTrainingResults(input: $input) { ${ENROLLMENT_FIELDS} } }`;
export const ISSUE = `mutation ($id: ID!) { issuePrePostCertificate(enrollmentId: $id) { id number statisticianId year completedOn } }`;
export const SESSION = `query ($id: ID!) { trainingSession(id: $id) { ${SESSION_FIELDS} enrollments { ${ENROLLMENT_FIELDS} } } }`;

export interface SessionSpec {
  organizer?: string;
  kind?: "COMPREHENSIVE" | "PRE_POST" | "SPECIALIZED";
  audience?: "BANNER_STAFF" | "GRASSROOTS_STAFF";
  title?: string;
  startDate?: string;
  endDate?: string;
  hours?: number;
  capacity?: number;
  place?: string | null;
  online?: boolean;
}

export const planInput = (spec: SessionSpec = {}) => ({
  organizerUnitId: idOf(spec.organizer ?? "150621000000"),
  kind: spec.kind ?? "PRE_POST",
  title: spec.title ?? "岗前培训",
  audience: spec.audience ?? "GRASSROOTS_STAFF",
  startDate: spec.startDate ?? "2026-04-01",
  endDate: spec.endDate ?? "2026-04-02",
  hours: spec.hours ?? 16,
  capacity: spec.capacity ?? 30,
  place: spec.place === undefined ? "达拉特旗统计局培训室" : spec.place,
  online: spec.online ?? false,
});

/** A call that must succeed: returns its data's only field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ok(
  h: Harness,
  query: string,
  variables: Record<string, unknown>,
  identity: Identity = cityAdmin,
): Promise<any> {
  const result = await h.call(query, variables, identity);
  if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return Object.values(result.data!)[0];
}

/** Plans and opens a session; returns it (status OPEN). */
export async function openSession(h: Harness, spec: SessionSpec = {}, identity: Identity = cityAdmin) {
  const planned = await ok(h, PLAN, { input: planInput(spec) }, identity);
  return ok(h, OPEN, { input: { id: planned.id, expectedVersion: planned.version } }, identity);
}

/** Opens a session, enrols these people, completes it; returns the COMPLETED session. */
export async function completedSession(
  h: Harness,
  spec: SessionSpec,
  statisticianIds: string[],
  identity: Identity = cityAdmin,
) {
  const session = await openSession(h, spec, identity);
  for (const statisticianId of statisticianIds)
    await ok(h, ENROLL, { input: { sessionId: session.id, statisticianId } }, identity);
  const current = await ok(h, SESSION, { id: session.id }, identity);
  return ok(h, COMPLETE, { input: { id: session.id, expectedVersion: current.version } }, identity);
}

export const result = (
  statisticianId: string,
  hoursAttended: number,
  outcome: "PASSED" | "FAILED" | "ABSENT",
  score?: number,
) => ({
  statisticianId,
  hoursAttended,
  result: outcome,
  ...(score === undefined ? {} : { score }),
});

export { expectError };
