import { opt } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { coverageReport, type CoverageReport } from "../../domain/coverage";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { TrainingCoverageType } from "../types/coverage.type";

/** R6 for a year within the caller's area. */
@Resolver()
export class CoverageQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => TrainingCoverageType, {
    description:
      "R6 for a year: the city's comprehensive training and the coverage of each banner in your area (or one banner).",
  })
  async trainingCoverage(
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
    @Arg("bannerId", () => ID, { nullable: true }) bannerId?: string | null,
  ): Promise<CoverageReport> {
    const { coverage, clock } = this.deps.services;
    return coverageReport(coverage, clock, (await ctx.access()).homePath, year, opt(bannerId));
  }
}
