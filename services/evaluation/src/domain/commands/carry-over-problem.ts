import { assertVersion, badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { EvaluationPolicy } from "../access-policy";
import { checkDate, type Problem } from "../meeting";
import { publishProblem, publishR11 } from "../meeting-status";
import type { Transaction, UnitOfWork } from "../ports";
import { managedProblem } from "./change-problem-status";

export interface CarryOverInput {
  problemId: string;
  /** A later meeting of the same holder, where the problem is taken up again. */
  toMeetingId: string;
  dueDate: string;
  expectedVersion: number;
}

/**
 * R11: an open problem carried over to a later meeting of the same holder: it becomes CARRIED_OVER,
 * linked to the problem that continues it there (OPEN, with a new due date).
 */
export async function carryOverProblemIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: CarryOverInput,
): Promise<{ from: Problem; to: Problem }> {
  const { problem, meeting, holder } = await managedProblem(
    tx,
    policy,
    input.problemId,
    "carry meeting problems over",
  );
  if (problem.status !== "OPEN" && problem.status !== "IN_PROGRESS") {
    throw badInput(
      `Problem ${problem.id} is ${problem.status}: only an open problem is carried over.`,
      "problemId",
    );
  }
  const later = await tx.meetings.get(input.toMeetingId);
  if (!later || later.holderUnitId !== meeting.holderUnitId || later.meetingDate <= meeting.meetingDate) {
    throw badInput("toMeetingId must be a later meeting of the same holder.", "toMeetingId");
  }
  const dueDate = checkDate(input.dueDate, "dueDate");
  if (dueDate < later.meetingDate) throw badInput("dueDate is before the later meeting.", "dueDate");
  assertVersion(`Problem ${problem.id}`, problem.version, input.expectedVersion);
  const to = await tx.meetings.insertProblem({
    id: randomUUID(),
    meetingId: later.id,
    meetingDate: later.meetingDate,
    description: problem.description,
    responsibleUnitId: problem.responsibleUnitId,
    responsiblePerson: problem.responsiblePerson,
    dueDate,
    carriedFromId: problem.id,
  });
  const from = await tx.meetings.updateProblem(problem.id, { status: "CARRIED_OVER", carriedToId: to.id });
  await publishProblem(tx, clock, holder.id, from);
  await publishProblem(tx, clock, holder.id, to);
  for (const year of new Set([meeting.meetingDate, later.meetingDate].map((d) => Number(d.slice(0, 4))))) {
    await publishR11(tx, clock, holder, year);
  }
  return { from, to };
}

export const carryOverProblem = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: CarryOverInput,
) => uow.run((tx) => carryOverProblemIn(tx, policy, clock, input));
