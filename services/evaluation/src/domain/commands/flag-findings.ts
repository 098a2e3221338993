import { FindingEscalated, FindingOverdue } from "@grassroots/events/contracts";
import type { Clock } from "@grassroots/kit/validation";
import { publishFinding } from "../finding-status";
import type { UnitOfWork } from "../ports";
import { escalationDay } from "../supervision";

const BATCH = 200;

/**
 * R13's periodic check: an open finding past its deadline is flagged overdue (FindingOverdue); one
 * still open `escalateAfterDays` after its deadline is escalated to the level above (FindingEscalated,
 * the visible flag). Each at most once; the responsible unit's R13 result follows. Returns the flags set.
 */
export async function flagFindings(
  uow: UnitOfWork,
  clock: Clock,
  escalateAfterDays: number,
): Promise<number> {
  const today = clock.today();
  // deadline < this ⇔ deadline + days < today
  const escalateBefore = escalationDay(today, -escalateAfterDays);
  let flags = 0;
  for (;;) {
    const n = await uow.run(async (tx) => {
      const due = await tx.supervision.lockDueForFlags(today, escalateBefore, BATCH);
      for (const f of due) {
        if (!f.overdueAt) {
          const overdue = await tx.supervision.updateFinding(f.id, { overdueAt: clock.now() });
          await publishFinding(tx, FindingOverdue, clock, overdue);
          flags++;
        }
        if (!f.escalatedAt && f.deadline < escalateBefore) {
          const escalated = await tx.supervision.updateFinding(f.id, { escalatedAt: clock.now() });
          await publishFinding(tx, FindingEscalated, clock, escalated);
          flags++;
        }
      }
      return due.length;
    });
    if (n < BATCH) return flags;
  }
}
