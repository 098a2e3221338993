import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { yearOf } from "../../domain/scorecard-queries";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { unitScorecardView } from "../scorecard-view";
import { assessmentView, metricValueView } from "../assessment-view";
import { AssessmentType } from "../types/assessment.type";
import { commendationView } from "../commendation-view";
import { inspectionView } from "../inspection-view";
import { CommendationType } from "../types/commendation.type";
import { meetingView } from "../meeting-view";
import { InspectionType } from "../types/inspection.type";
import { WorkMeetingType } from "../types/meeting.type";
import { OrgUnitType } from "../types/org-unit.type";
import { MetricValueType } from "../types/scheme.type";
import { UnitScorecardType } from "../types/scorecard.type";

/** Evaluation's fields on organization's OrgUnit: batched across units, null outside the caller's area. */
@Resolver(() => OrgUnitType)
export class OrgUnitFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => UnitScorecardType, {
    nullable: true,
    description:
      "R13: the unit's compliance scorecard for a year (default: this year); null outside your area.",
  })
  async scorecard(
    @Root() unit: { id: string },
    @Ctx() ctx: GraphQLContext,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ): Promise<UnitScorecardType | null> {
    const card = await this.deps.loaders(ctx).scorecard(yearOf(this.deps.services, year)).load(unit.id);
    return card && unitScorecardView(card);
  }

  @FieldResolver(() => [AssessmentType], {
    description:
      "R12: the unit's assessments as a subject that you may see, latest first (empty outside your area).",
  })
  async assessments(@Root() unit: { id: string }, @Ctx() ctx: GraphQLContext): Promise<AssessmentType[]> {
    return (await this.deps.loaders(ctx).assessmentsOfSubject.load(unit.id)).map(assessmentView);
  }

  @FieldResolver(() => [MetricValueType], {
    nullable: true,
    description:
      "R12: every catalogue metric of the unit for a year as it stands at the end of a date (default today), with the figures behind it; null outside your area.",
  })
  async assessmentMetrics(
    @Root() unit: { id: string },
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
    @Arg("date", () => String, { nullable: true }) date?: string | null,
  ): Promise<MetricValueType[] | null> {
    const at = { year, date: date ?? this.deps.services.clock.today() };
    const values = await this.deps.loaders(ctx).metricValues(at).load(unit.id);
    return values && values.map(metricValueView);
  }

  @FieldResolver(() => [WorkMeetingType], {
    description:
      "R11: the work meetings this unit (a banner or the city) held, latest first; empty outside what you may see.",
  })
  async meetings(
    @Root() unit: { id: string },
    @Ctx() ctx: GraphQLContext,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ): Promise<WorkMeetingType[]> {
    return (
      await this.deps
        .loaders(ctx)
        .meetingsOf(year ?? null)
        .load(unit.id)
    ).map(meetingView);
  }

  @FieldResolver(() => [InspectionType], {
    description: "R13: inspections of this unit you may see, latest first.",
  })
  async inspections(@Root() unit: { id: string }, @Ctx() ctx: GraphQLContext): Promise<InspectionType[]> {
    return (await this.deps.loaders(ctx).inspectionsOf.load(unit.id)).map(inspectionView);
  }

  @FieldResolver(() => [CommendationType], {
    description:
      "R12: the unit's commendations (先进单位): published ones for everyone, the others in the nominating banner's area.",
  })
  async commendations(@Root() unit: { id: string }, @Ctx() ctx: GraphQLContext): Promise<CommendationType[]> {
    return (await this.deps.loaders(ctx).commendationsOfUnit.load(unit.id)).map(commendationView);
  }
}
