import { filingTimelinessStatus } from "../../rules/r5-filing-timeliness";
import { pendingTrainingStatus } from "../../rules/r7-pending-training";
import type { Clock, PersonnelSettings, Transaction } from "../ports";
import { STAFFED_KINDS } from "../staffing";

/**
 * R5 (overdue filings) and R7 (posts pending training too long) turn with the calendar, with no user
 * action: this computes them for every staffed unit (or the given ones) as of the clock's date and
 * publishes each result that changed. The periodic task runs it; so do the backfill and the reaction to
 * a training certificate. Returns how many results it published.
 */
export async function publishTimeDrivenStatuses(
  tx: Transaction,
  clock: Clock,
  settings: Pick<PersonnelSettings, "filingDueDays" | "pendingTrainingMaxDays">,
  unitIds?: readonly string[],
): Promise<number> {
  const asOf = clock.now();
  const subjects = await tx.ruleSubjects.timeDrivenSubjects(
    STAFFED_KINDS,
    {
      today: clock.today(),
      filingDueDays: settings.filingDueDays,
      pendingTrainingMaxDays: settings.pendingTrainingMaxDays,
    },
    unitIds,
  );
  let published = 0;
  for (const { unit, figures } of subjects) {
    const r5 = filingTimelinessStatus(unit, figures, settings.filingDueDays, asOf);
    const r7 = pendingTrainingStatus(unit, figures, settings.pendingTrainingMaxDays, asOf);
    if (await tx.ruleStatus.publishIfChanged(r5)) published++;
    if (await tx.ruleStatus.publishIfChanged(r7)) published++;
  }
  return published;
}
