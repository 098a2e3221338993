import type {
  AssessmentResultsPublished,
  AssessmentSchemeVersioned,
  EventData,
} from "@grassroots/events/contracts";
import { isCountyLevel, type OrgUnitProjection } from "@grassroots/org-projection/units";
import type { ResultSet } from "../domain/assessment";
import { decimalOf } from "../domain/decimal";
import type { AssessmentScheme } from "../domain/scheme";

/** The data of AssessmentSchemeVersioned for a new scheme version. */
export function schemeVersionedData(
  scheme: AssessmentScheme,
  owner: OrgUnitProjection,
): EventData<typeof AssessmentSchemeVersioned> {
  return {
    schemeVersionId: scheme.id,
    schemeId: scheme.schemeId,
    schemeVersion: scheme.version,
    schemeName: scheme.name,
    ownerUnitId: owner.id,
    ownerUnitPath: owner.path,
    year: scheme.year,
    subjectKinds: scheme.subjectKinds,
    cutOffDate: scheme.cutOffDate,
    isSample: scheme.isSample,
    indicators: scheme.definition.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      weight: decimalOf(i.weight),
      kind: i.kind,
      metric: i.kind === "AUTO" ? i.metric : null,
    })),
  };
}

/** "BANNER" for a scheme of county-level units (banners and districts alike, as the contract names them), else its kinds. */
const subjectKindOf = (scheme: AssessmentScheme): string =>
  scheme.subjectKinds.every(isCountyLevel) ? "BANNER" : scheme.subjectKinds.join(",");

/** The results event (the contract finance's award programme consumes): scores as "87.50". */
export function resultsPublishedData(
  scheme: AssessmentScheme,
  owner: OrgUnitProjection,
  set: ResultSet,
  results: readonly { unit: OrgUnitProjection; total: number; rank: number; grade: string | null }[],
): EventData<typeof AssessmentResultsPublished> {
  return {
    resultSetId: set.id,
    schemeId: scheme.schemeId,
    schemeVersion: scheme.version,
    schemeName: scheme.name,
    ownerUnitId: owner.id,
    ownerUnitPath: owner.path,
    subjectKind: subjectKindOf(scheme),
    year: scheme.year,
    revision: set.revision,
    supersedes: set.supersedesId,
    reason: set.reason,
    publishedAt: set.publishedAt.toISOString(),
    results: results.map((r) => ({
      unitId: r.unit.id,
      unitPath: r.unit.path,
      unitName: r.unit.name,
      score: decimalOf(r.total),
      rank: r.rank,
      grade: r.grade,
    })),
  };
}
