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
  return tx.ruleStatus.publishAllIfChanged(
    subjects.flatMap(({ unit, figures }) => [
      filingTimelinessStatus(unit, figures, settings.filingDueDays, asOf),
      pendingTrainingStatus(unit, figures, settings.pendingTrainingMaxDays, asOf),
    ]),
  );
}
