import { MeetingProblemStatusChanged } from "@grassroots/events/contracts";
import type { Clock } from "@grassroots/kit/validation";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { r11Result } from "../rules/r11-meeting-problems";
import { isOverdue, type Problem } from "./meeting";
import type { Transaction } from "./ports";

/** R11's result for a holder's year, through the ledger: published only when it flips. */
export async function publishR11(
  tx: Transaction,
  clock: Clock,
  holder: OrgUnitProjection,
  year: number,
): Promise<void> {
  const counts = await tx.meetings.yearCounts(holder.id, year, clock.today());
  await tx.ruleStatus.publishIfChanged({
    rule: "R11.meeting-problems",
    subjectUnitId: holder.id,
    subjectUnitPath: holder.path,
    period: String(year),
    ...r11Result(counts, year),
    asOf: clock.now().toISOString(),
  });
}

/** The problem's state as MeetingProblemStatusChanged carries it (no person: the event holds no personal data). */
export async function publishProblem(
  tx: Transaction,
  clock: Clock,
  holderUnitId: string,
  problem: Problem,
): Promise<void> {
  await tx.publish(MeetingProblemStatusChanged, {
    problemId: problem.id,
    meetingId: problem.meetingId,
    holderUnitId,
    responsibleUnitId: problem.responsibleUnitId,
    status: problem.status,
    overdue: isOverdue(problem, clock.today()),
    dueDate: problem.dueDate,
    carriedToId: problem.carriedToId,
    version: problem.version,
  });
}
