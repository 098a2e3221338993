import { AssessmentResultsPublished } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { resultsPublishedData } from "../../events/assessment-events";
import { ranked, totalPoints } from "../../rules/r12-scoring";
import type { EvaluationPolicy } from "../access-policy";
import { unscoredOf, type ResultSet } from "../assessment";
import type { Transaction, UnitOfWork } from "../ports";
import { gradeOf } from "../scheme";
import { managedScheme, SCHEME_MANAGERS } from "./common";

export interface PublishResultsInput {
  schemeVersionId: string;
  /** Why the results are published again (a correction); refused on the first publication. */
  reason?: string | null;
}

/**
 * R12: publishes a scheme version's year — every current assessment reviewed (or published before,
 * in a correction round) — ranked by total (equal totals share a rank) and graded by the scheme's
 * bands, as a result set, and the results event finance's award programme consumes. A later
 * publication (after a correction) is the next revision of the set, naming the one it supersedes.
 */
export async function publishAssessmentResultsIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: PublishResultsInput,
): Promise<ResultSet> {
  policy.requireRole("publish assessment results", ...SCHEME_MANAGERS);
  const { scheme, owner } = await managedScheme(
    tx,
    policy,
    input.schemeVersionId,
    "publish its assessment results",
  );
  const current = await tx.assessments.lockCurrent(scheme.id);
  const ids = current.map((a) => a.id);
  // One after the other: a transaction's client runs one statement at a time (pg warns otherwise).
  const scores = await tx.assessments.scores(ids);
  const adjustments = await tx.assessments.adjustments(ids);
  const previous = await tx.assessments.latestResultSet(scheme.id);
  if (current.length === 0)
    throw badInput("No assessment is open under this scheme version.", "schemeVersionId");
  const unscored = current.flatMap((a) =>
    unscoredOf(
      scheme,
      scores.filter((s) => s.assessmentId === a.id),
    ).map((code) => `${a.subjectUnitId}:${code}`),
  );
  if (unscored.length > 0) {
    throw badInput(
      `Indicators not scored yet (subject:indicator): ${unscored.join(", ")}.`,
      "schemeVersionId",
      { unscored },
    );
  }
  const waiting = current.filter((a) => a.status !== "REVIEWED" && a.status !== "PUBLISHED");
  if (waiting.length > 0)
    throw badInput(`${waiting.length} assessment(s) are not reviewed yet.`, "schemeVersionId");
  if (!current.some((a) => a.status === "REVIEWED"))
    throw badInput("Nothing new to publish.", "schemeVersionId");
  const reason = input.reason?.trim() || null;
  if (previous && !reason) throw badInput("reason is required to publish a correction.", "reason");
  if (!previous && reason)
    throw badInput("reason is only for a correction; nothing was published yet.", "reason");

  const units = new Map((await tx.units.many(current.map((a) => a.subjectUnitId))).map((u) => [u.id, u]));
  const rows = ranked(
    current.map((a) => ({
      assessment: a,
      unit: units.get(a.subjectUnitId)!,
      total: totalPoints(
        scores.filter((s) => s.assessmentId === a.id).map((s) => s.points),
        scheme.definition.adjustments,
        adjustments.filter((x) => x.assessmentId === a.id),
      ),
    })),
  ).map((r) => ({ ...r, grade: gradeOf(scheme.definition.grades, r.total) }));
  const set: ResultSet = {
    id: randomUUID(),
    schemeVersionId: scheme.id,
    revision: (previous?.revision ?? 0) + 1,
    supersedesId: previous?.id ?? null,
    reason,
    publishedAt: clock.now(),
    publishedBy: policy.actor.id,
    publishedByName: policy.actor.name,
  };
  await tx.assessments.insertResultSet(
    set,
    rows.map((r) => ({
      resultSetId: set.id,
      assessmentId: r.assessment.id,
      subjectUnitId: r.unit.id,
      total: r.total,
      rank: r.rank,
      grade: r.grade,
    })),
  );
  for (const a of current.filter((a) => a.status === "REVIEWED")) {
    await tx.assessments.update(a.id, { status: "PUBLISHED", publishedAt: set.publishedAt });
  }
  await tx.publish(AssessmentResultsPublished, resultsPublishedData(scheme, owner, set, rows));
  return set;
}

export const publishAssessmentResults = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: PublishResultsInput,
) => uow.run((tx) => publishAssessmentResultsIn(tx, policy, clock, input));
