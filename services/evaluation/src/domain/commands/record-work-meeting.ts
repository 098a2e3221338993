import { WorkMeetingRecorded } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { depthOfPath } from "@grassroots/org-projection/units";
import { randomUUID } from "node:crypto";
import type { EvaluationPolicy } from "../access-policy";
import { checkDate, trimmed, type MeetingKind, type Problem, type WorkMeeting } from "../meeting";
import { publishR11 } from "../meeting-status";
import type { Transaction, UnitOfWork } from "../ports";
import { runOncePerRequest } from "@grassroots/kit/idempotency";

export interface ProblemInput {
  description: string;
  responsibleUnitId: string;
  responsiblePerson?: string | null;
  dueDate: string;
}

export interface RecordMeetingInput {
  holderUnitId: string;
  meetingDate: string;
  kind: MeetingKind;
  chair: string;
  topics: string[];
  studiedGrassrootsStatistics: boolean;
  minutesRef?: string | null;
  problems: ProblemInput[];
}

/** Problems raised at a meeting, checked: a responsible unit inside the holder's area, a due date on or after the meeting. */
export async function checkedProblems(
  tx: Transaction,
  holderPath: string,
  meetingDate: string,
  problems: readonly ProblemInput[],
  field = "problems",
) {
  const units = new Map(
    (await tx.units.many(problems.map((p) => p.responsibleUnitId))).map((u) => [u.id, u]),
  );
  return problems.map((p, i) => {
    const unit = units.get(p.responsibleUnitId);
    if (!unit || !unit.path.startsWith(holderPath)) {
      throw badInput(
        `${field}[${i}].responsibleUnitId must be a unit of the holder's area.`,
        `${field}[${i}].responsibleUnitId`,
      );
    }
    const dueDate = checkDate(p.dueDate, `${field}[${i}].dueDate`);
    if (dueDate < meetingDate)
      throw badInput(`${field}[${i}].dueDate is before the meeting.`, `${field}[${i}].dueDate`);
    return {
      description: trimmed(p.description, `${field}[${i}].description`, 2000)!,
      responsibleUnitId: unit.id,
      responsiblePerson: trimmed(p.responsiblePerson, `${field}[${i}].responsiblePerson`, 100, false),
      dueDate,
    };
  });
}

/**
 * R11: a work meeting of a banner's or the city's government or bureau, with the problems it raised.
 * Recorded by that bureau (BANNER_ADMIN of the banner, CITY_ADMIN of the city).
 */
export async function recordWorkMeetingIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: RecordMeetingInput,
): Promise<{ meeting: WorkMeeting; problems: Problem[] }> {
  policy.requireRole("record work meetings", "CITY_ADMIN", "BANNER_ADMIN");
  const holder = await tx.units.get(input.holderUnitId);
  policy.requireVisible(holder, { what: "Org unit", key: input.holderUnitId, field: "holderUnitId" });
  policy.requireBureauOf(holder!, "record its work meetings");
  if (depthOfPath(holder!.path) > 1)
    throw badInput("Only a banner, a district or the city holds these meetings.", "holderUnitId");
  const meetingDate = checkDate(input.meetingDate, "meetingDate");
  if (meetingDate > clock.today()) throw badInput("meetingDate is in the future.", "meetingDate");
  const chair = trimmed(input.chair, "chair", 100)!;
  const topics = input.topics.map((t, i) => trimmed(t, `topics[${i}]`, 200)!);
  if (topics.length === 0) throw badInput("topics needs at least one topic.", "topics");
  const minutesRef = trimmed(input.minutesRef, "minutesRef", 200, false);
  const problems = await checkedProblems(tx, holder!.path, meetingDate, input.problems);

  const meeting = await tx.meetings.insert({
    id: randomUUID(),
    holderUnitId: holder!.id,
    meetingDate,
    kind: input.kind,
    chair,
    topics,
    studiedGrassrootsStatistics: input.studiedGrassrootsStatistics,
    minutesRef,
    recordedBy: policy.actor.id,
    recordedByName: policy.actor.name,
  });
  const raised: Problem[] = [];
  for (const p of problems) {
    raised.push(
      await tx.meetings.insertProblem({
        id: randomUUID(),
        meetingId: meeting.id,
        meetingDate,
        carriedFromId: null,
        ...p,
      }),
    );
  }
  await tx.publish(WorkMeetingRecorded, {
    meetingId: meeting.id,
    holderUnitId: holder!.id,
    holderUnitPath: holder!.path,
    meetingDate,
    kind: meeting.kind,
    studiedGrassrootsStatistics: meeting.studiedGrassrootsStatistics,
    topics,
    problemIds: raised.map((p) => p.id),
  });
  await publishR11(tx, clock, holder!, Number(meetingDate.slice(0, 4)));
  return { meeting, problems: raised };
}

/** The API's form: retryable with a client requestId; the result is the meeting. */
export const recordWorkMeeting = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: RecordMeetingInput & { requestId?: string },
) =>
  runOncePerRequest(
    uow,
    "recordWorkMeeting",
    policy.actor.id,
    input,
    async (tx) => (await recordWorkMeetingIn(tx, policy, clock, input)).meeting,
    (m) => m.id,
    (tx, id) => tx.meetings.get(id),
  );
