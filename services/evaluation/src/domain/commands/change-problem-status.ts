import { assertVersion, badInput, notFoundInArea } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { EvaluationPolicy } from "../access-policy";
import { checkDate, checkProblemStep, trimmed, type Problem, type WorkMeeting } from "../meeting";
import { publishProblem, publishR11 } from "../meeting-status";
import type { Transaction, UnitOfWork } from "../ports";

export interface ProblemStatusInput {
  problemId: string;
  status: "IN_PROGRESS" | "RESOLVED";
  /** RESOLVED: what was done, the evidence, and the date. */
  resolution?: string | null;
  evidence?: string | null;
  resolvedOn?: string | null;
  expectedVersion: number;
}

/** A problem locked with its meeting and holder, after the role, area and bureau steps. */
export async function managedProblem(
  tx: Transaction,
  policy: EvaluationPolicy,
  problemId: string,
  action: string,
): Promise<{ problem: Problem; meeting: WorkMeeting; holder: OrgUnitProjection }> {
  policy.requireRole(action, "CITY_ADMIN", "BANNER_ADMIN");
  const problem = await tx.meetings.lockProblem(problemId);
  const meeting = problem && (await tx.meetings.get(problem.meetingId));
  const holder = meeting && (await tx.units.get(meeting.holderUnitId));
  policy.requireInArea(holder, { what: "Problem", key: problemId, field: "problemId" });
  if (!problem || !meeting) throw notFoundInArea("Problem", problemId, "problemId");
  policy.requireBureauOf(holder!, action);
  return { problem, meeting, holder: holder! };
}

/** R11: OPEN → IN_PROGRESS → RESOLVED (with the resolution and its evidence), by the holder's bureau. */
export async function changeProblemStatusIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: ProblemStatusInput,
): Promise<Problem> {
  const { problem, meeting, holder } = await managedProblem(
    tx,
    policy,
    input.problemId,
    "follow up meeting problems",
  );
  checkProblemStep(problem, input.status);
  const patch =
    input.status === "RESOLVED"
      ? {
          status: "RESOLVED" as const,
          resolution: trimmed(input.resolution, "resolution", 2000),
          evidence: trimmed(input.evidence, "evidence", 500),
          resolvedOn: checkDate(input.resolvedOn ?? clock.today(), "resolvedOn"),
        }
      : { status: "IN_PROGRESS" as const };
  if (patch.status === "RESOLVED" && patch.resolvedOn! > clock.today())
    throw badInput("resolvedOn is in the future.", "resolvedOn");
  assertVersion(`Problem ${problem.id}`, problem.version, input.expectedVersion);
  const changed = await tx.meetings.updateProblem(problem.id, patch);
  await publishProblem(tx, clock, holder.id, changed);
  await publishR11(tx, clock, holder, Number(meeting.meetingDate.slice(0, 4)));
  return changed;
}

export const changeProblemStatus = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: ProblemStatusInput,
) => uow.run((tx) => changeProblemStatusIn(tx, policy, clock, input));
