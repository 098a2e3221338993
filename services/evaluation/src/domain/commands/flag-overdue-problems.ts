import type { Clock } from "@grassroots/kit/validation";
import { publishProblem, publishR11 } from "../meeting-status";
import type { UnitOfWork } from "../ports";

const BATCH = 200;

/**
 * R11's periodic check: open problems past their due date are flagged overdue (an event each) and
 * their holders' R11 results re-evaluated — no user action needed. Returns how many it flagged.
 */
export async function flagOverdueProblems(uow: UnitOfWork, clock: Clock): Promise<number> {
  let flagged = 0;
  for (;;) {
    const n = await uow.run(async (tx) => {
      const due = await tx.meetings.lockNewlyOverdue(clock.today(), BATCH);
      const holders = new Map<string, Set<number>>();
      for (const p of due) {
        const flaggedProblem = await tx.meetings.updateProblem(p.id, { overdueAt: clock.now() });
        const meeting = (await tx.meetings.get(p.meetingId))!;
        await publishProblem(tx, clock, meeting.holderUnitId, flaggedProblem);
        const years = holders.get(meeting.holderUnitId) ?? new Set<number>();
        holders.set(meeting.holderUnitId, years.add(Number(meeting.meetingDate.slice(0, 4))));
      }
      for (const [holderId, years] of holders) {
        const holder = await tx.units.get(holderId);
        if (holder) for (const year of years) await publishR11(tx, clock, holder, year);
      }
      return due.length;
    });
    flagged += n;
    if (n < BATCH) return flagged;
  }
}
