import { isUuid, perArgument, perRequest, type GraphQLContext } from "@grassroots/kit";
import { byKey, groupBy } from "@grassroots/kit";
import DataLoader from "dataloader";
import type { Assessment, AssessmentAdjustment, IndicatorScore } from "../domain/assessment";
import { metricValuesOf } from "../domain/assessment-queries";
import type { Commendation } from "../domain/commendation";
import type { Problem, WorkMeeting } from "../domain/meeting";
import type { EvaluationServices } from "../domain/ports";
import type { AssessmentScheme } from "../domain/scheme";
import type { Finding, Inspection, Rectification } from "../domain/supervision";
import type { MetricValue } from "../rules/r12-metrics";
import type { UnitScorecard } from "../domain/scorecard";
import { scorecardsOf } from "../domain/scorecard-queries";
import { readScope } from "./context";

/**
 * Per-request batching: the many look-ups of one GraphQL request become a fixed number of SQL
 * statements per loader, whatever the number of parents.
 */
export interface Loaders {
  /** OrgUnit.scorecard: one loader per year; null outside the caller's area. */
  scorecard(year: number): DataLoader<string, UnitScorecard | null>;
  /** Scheme versions the caller may see. */
  scheme: DataLoader<string, AssessmentScheme | null>;
  scoresOf: DataLoader<string, IndicatorScore[]>;
  adjustmentsOf: DataLoader<string, AssessmentAdjustment[]>;
  /** OrgUnit.assessments: the unit's assessments as a subject, in the caller's view. */
  assessmentsOfSubject: DataLoader<string, Assessment[]>;
  assessmentsOfScheme: DataLoader<string, Assessment[]>;
  /** OrgUnit.meetings: one loader per year (or all years). */
  meetingsOf(year: number | null): DataLoader<string, WorkMeeting[]>;
  problemsOf: DataLoader<string, Problem[]>;
  /** OrgUnit.inspections, Inspection.findings, Finding.rectifications. */
  inspectionsOf: DataLoader<string, Inspection[]>;
  findingsOf: DataLoader<string, Finding[]>;
  rectificationsOf: DataLoader<string, Rectification[]>;
  /** OrgUnit.commendations (as the unit commended), Statistician.commendations. */
  commendationsOfUnit: DataLoader<string, Commendation[]>;
  commendationsOfStatistician: DataLoader<string, Commendation[]>;
  /** OrgUnit.assessmentMetrics: one loader per (year, date); null outside the caller's area. */
  metricValues(at: { year: number; date: string }): DataLoader<string, MetricValue[] | null>;
}

export type LoadersOf = (ctx: GraphQLContext) => Loaders;

/** Keys from clients (references) may be anything; only uuids can match a row. */
const onlyUuids = (keys: readonly string[]) => keys.filter(isUuid);

/** One loader per argument value, made on first use. */
export function loadersFor(services: EvaluationServices): LoadersOf {
  return perRequest((ctx: GraphQLContext): Loaders => {
    const { assessments, meetings, supervision, commendations } = services; // per request: printing the SDL builds the schema without services
    return {
      scorecard: perArgument(
        (year: number) =>
          new DataLoader(async (ids: readonly string[]) => {
            const found = await scorecardsOf(services, await readScope(ctx), onlyUuids(ids), year);
            const byId = new Map(found.filter((c) => c !== null).map((c) => [c!.unit.id, c!]));
            return ids.map((id) => byId.get(id) ?? null);
          }),
      ),
      scheme: new DataLoader(async (ids) =>
        byKey(ids, await assessments.schemes(onlyUuids(ids), await readScope(ctx)), (s) => s.id),
      ),
      scoresOf: new DataLoader(async (ids) =>
        groupBy(ids, await assessments.scores(ids), (s) => s.assessmentId),
      ),
      adjustmentsOf: new DataLoader(async (ids) =>
        groupBy(ids, await assessments.adjustments(ids), (a) => a.assessmentId),
      ),
      assessmentsOfSubject: new DataLoader(async (ids) =>
        groupBy(
          ids,
          await assessments.ofSubjects(onlyUuids(ids), await readScope(ctx)),
          (a) => a.subjectUnitId,
        ),
      ),
      assessmentsOfScheme: new DataLoader(async (ids) =>
        groupBy(ids, await assessments.ofSchemes(ids, await readScope(ctx)), (a) => a.schemeVersionId),
      ),
      meetingsOf: perArgument(
        (year: number | null) =>
          new DataLoader(async (ids: readonly string[]) =>
            groupBy(
              ids,
              await meetings.ofHolders(onlyUuids(ids), year ?? undefined, await readScope(ctx)),
              (m) => m.holderUnitId,
            ),
          ),
      ),
      problemsOf: new DataLoader(async (ids) =>
        groupBy(ids, await meetings.problemsOf(ids, await readScope(ctx)), (p) => p.meetingId),
      ),
      inspectionsOf: new DataLoader(async (ids) =>
        groupBy(
          ids,
          await supervision.ofUnits(onlyUuids(ids), await readScope(ctx)),
          (i) => i.inspectedUnitId,
        ),
      ),
      findingsOf: new DataLoader(async (ids) =>
        groupBy(ids, await supervision.findingsOf(ids), (f) => f.inspectionId),
      ),
      rectificationsOf: new DataLoader(async (ids) =>
        groupBy(ids, await supervision.rectificationsOf(ids), (r) => r.findingId),
      ),
      commendationsOfUnit: new DataLoader(async (ids) =>
        groupBy(
          ids,
          await commendations.ofUnits(onlyUuids(ids), await readScope(ctx)),
          (c) => c.nomineeUnitId,
        ),
      ),
      commendationsOfStatistician: new DataLoader(async (ids) =>
        groupBy(
          ids,
          await commendations.ofStatisticians(onlyUuids(ids), await readScope(ctx)),
          (c) => c.statisticianId,
        ),
      ),
      metricValues: perArgument(
        (at: { year: number; date: string }) =>
          new DataLoader(async (ids: readonly string[]) => {
            const valid = onlyUuids(ids);
            const values = await metricValuesOf(services, await readScope(ctx), valid, at.year, at.date);
            const byId = new Map(valid.map((id, i) => [id, values[i]]));
            return ids.map((id) => byId.get(id) ?? null);
          }),
      ),
    };
  });
}
