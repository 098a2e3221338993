import type { AssessmentResultsPublished, EventData } from "@grassroots/events/contracts";
import type { Clock } from "@grassroots/kit/validation";
import { computeRoundIn } from "../commands/compute-allocation-round";
import type { Transaction } from "../ports";

/** Who a recomputation after corrected results is recorded as (the evaluation service's event). */
const EVALUATION = { id: "evaluation-results", name: "evaluation: corrected results" };

/**
 * R9: evaluation published (or corrected) a scheme's results. Kept as received; when it is the city's
 * assessment of its banners, a COMPUTED round of that year is recomputed and says so, and an approved
 * (or later) round is flagged, never changed.
 */
export async function applyAssessmentResults(
  tx: Transaction,
  clock: Clock,
  data: EventData<typeof AssessmentResultsPublished>,
): Promise<void> {
  await tx.awards.saveResultSet({ ...data, publishedAt: new Date(data.publishedAt) });
  if (data.subjectKind !== "BANNER") return;
  const latest = await tx.awards.latestResultSet(data.ownerUnitId, data.year);
  if (latest?.resultSetId !== data.resultSetId) return; // an older revision arriving late changes nothing
  const why = `results corrected: revision ${data.revision}${data.reason ? ` (${data.reason})` : ""}`;
  for (const round of await tx.awards.lockRoundsOf(data.ownerUnitId, data.year)) {
    if (round.resultSetId === data.resultSetId || round.status === "DRAFT") continue;
    if (round.status === "COMPUTED") {
      const programme = (await tx.awards.getProgramme(round.programmeId))!;
      await computeRoundIn(tx, clock, round, programme, EVALUATION, "RECOMPUTED", `recomputed: ${why}`);
    } else {
      await tx.awards.updateRound(round.id, { flag: `${why} after approval; the round was not changed` });
      await tx.awards.addStep(round.id, "FLAGGED", EVALUATION, why);
    }
  }
}
