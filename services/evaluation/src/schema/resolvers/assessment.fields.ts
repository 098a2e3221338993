import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { assessmentTotal } from "../../domain/assessment-queries";
import { decimalOf } from "../../domain/decimal";
import { adjustmentView, assessmentView, schemeView, scoreView } from "../assessment-view";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { AssessmentAdjustmentType, AssessmentType, IndicatorScoreType } from "../types/assessment.type";
import { AssessmentSchemeType } from "../types/scheme.type";

/** An assessment's scheme, scores, adjustments and total, batched across assessments. */
@Resolver(() => AssessmentType)
export class AssessmentFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => AssessmentSchemeType, {
    nullable: true,
    description: "Null for a scheme outside what you may see.",
  })
  async scheme(@Root() a: AssessmentType, @Ctx() ctx: GraphQLContext): Promise<AssessmentSchemeType | null> {
    const scheme = await this.deps.loaders(ctx).scheme.load(a.schemeVersionId);
    return scheme && schemeView(scheme);
  }

  @FieldResolver(() => [IndicatorScoreType], {
    description: "Scores so far, AUTO ones with the metric value and figures they were frozen from.",
  })
  async scores(@Root() a: AssessmentType, @Ctx() ctx: GraphQLContext): Promise<IndicatorScoreType[]> {
    return (await this.deps.loaders(ctx).scoresOf.load(a.id)).map(scoreView);
  }

  @FieldResolver(() => [AssessmentAdjustmentType])
  async adjustments(
    @Root() a: AssessmentType,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentAdjustmentType[]> {
    return (await this.deps.loaders(ctx).adjustmentsOf.load(a.id)).map(adjustmentView);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The total so far ("87.50"): points plus bonus, less deductions, within caps.',
  })
  async total(@Root() a: AssessmentType, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    const loaders = this.deps.loaders(ctx);
    const [scheme, scores, adjustments] = await Promise.all([
      loaders.scheme.load(a.schemeVersionId),
      loaders.scoresOf.load(a.id),
      loaders.adjustmentsOf.load(a.id),
    ]);
    return scheme && decimalOf(assessmentTotal(scheme, scores, adjustments));
  }
}

/** A scheme version's assessments, batched across schemes. */
@Resolver(() => AssessmentSchemeType)
export class SchemeFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => [AssessmentType], {
    description: "The assessments opened under this version that you may see.",
  })
  async assessments(@Root() s: AssessmentSchemeType, @Ctx() ctx: GraphQLContext): Promise<AssessmentType[]> {
    return (await this.deps.loaders(ctx).assessmentsOfScheme.load(s.id)).map(assessmentView);
  }
}
