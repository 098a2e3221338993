import { notFoundInArea } from "@grassroots/kit/errors";
import { METRIC_IDS, metricValue, type MetricValue } from "../rules/r12-metrics";
import { totalPoints } from "../rules/r12-scoring";
import type { AssessmentAdjustment, AssessmentResult, IndicatorScore, ResultSet } from "./assessment";
import type { EvaluationServices, Scope } from "./ports";
import type { AssessmentScheme } from "./scheme";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";

/** An assessment's total so far: its points, and its adjustments within the scheme's caps. */
export const assessmentTotal = (
  scheme: AssessmentScheme,
  scores: readonly IndicatorScore[],
  adjustments: readonly AssessmentAdjustment[],
): number =>
  totalPoints(
    scores.map((s) => s.points),
    scheme.definition.adjustments,
    adjustments,
  );

/** Every catalogue metric of these units for a year, at the end of a date (today by default). Two statements. */
export async function metricValuesOf(
  services: EvaluationServices,
  scope: Scope,
  unitIds: readonly string[],
  year: number,
  atDate: string,
): Promise<(MetricValue[] | null)[]> {
  const units = await services.scorecards.units(unitIds, scope);
  const counts = await services.assessments.metricCounts(units, year, atDate);
  return unitIds.map((id) => {
    const byRule = counts.get(id);
    return byRule ? METRIC_IDS.map((m) => metricValue(m, byRule)) : null;
  });
}

/** A published ranking with its scheme and the subjects' public names. */
export interface Ranking {
  set: ResultSet;
  scheme: AssessmentScheme;
  results: (AssessmentResult & { unit: OrgUnitProjection })[];
}

/** The latest ranking an owner published for a year (the city's banner ranking): four statements. */
export async function rankingOf(
  services: EvaluationServices,
  scope: Scope,
  ownerUnitId: string,
  year: number,
): Promise<Ranking | null> {
  const set = await services.assessments.latestResultSet(ownerUnitId, year, scope);
  if (!set) {
    const [owner] = await services.assessments.unitNames([ownerUnitId]);
    const visible = owner && (owner.path.startsWith(scope) || scope.startsWith(owner.path));
    if (!visible) throw notFoundInArea("Org unit", ownerUnitId, "ownerUnitId");
    return null;
  }
  return rankingFor(services, scope, set);
}

/** A result set's ranking: its scheme, its rows best first, the subjects' public names (three statements). */
export async function rankingFor(
  services: EvaluationServices,
  scope: Scope,
  set: ResultSet,
): Promise<Ranking> {
  const [[scheme], results] = await Promise.all([
    services.assessments.schemes([set.schemeVersionId], scope),
    services.assessments.results([set.id]),
  ]);
  const units = new Map(
    (await services.assessments.unitNames(results.map((r) => r.subjectUnitId))).map((u) => [u.id, u]),
  );
  return { set, scheme, results: results.map((r) => ({ ...r, unit: units.get(r.subjectUnitId)! })) };
}
