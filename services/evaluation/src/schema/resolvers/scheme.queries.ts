import { notFoundInArea } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { METRICS, METRIC_IDS } from "../../rules/r12-metrics";
import { schemeView } from "../assessment-view";
import { readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { AssessmentMetricType, AssessmentSchemeType } from "../types/scheme.type";

/** R12 schemes and the metric catalogue. */
@Resolver()
export class SchemeQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => AssessmentSchemeType, {
    description: "A scheme version you may see (owned in your area or above you).",
  })
  async assessmentScheme(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentSchemeType> {
    const scheme = await this.deps.loaders(ctx).scheme.load(id);
    if (!scheme) throw notFoundInArea("Assessment scheme", id, "id");
    return schemeView(scheme);
  }

  @Query(() => [AssessmentSchemeType], {
    description: "An owner's scheme versions (of a year): newest year first, latest version first.",
  })
  async assessmentSchemes(
    @Arg("ownerUnitId", () => ID) ownerUnitId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ): Promise<AssessmentSchemeType[]> {
    const schemes = await this.deps.services.assessments.schemesOf(
      ownerUnitId,
      year ?? undefined,
      await readScope(ctx),
    );
    return schemes.map(schemeView);
  }

  @Query(() => [AssessmentMetricType], {
    description: "R12's metric catalogue: what an AUTO indicator may score.",
  })
  assessmentMetrics(): AssessmentMetricType[] {
    return METRIC_IDS.map((metric) => ({
      metric,
      about: METRICS[metric].about,
      rules: [...METRICS[metric].rules],
      measure: METRICS[metric].measure,
    }));
  }
}
