import { opt } from "@grassroots/kit";
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from "type-graphql";
import { coverageReport, type CoverageReport } from "../../domain/coverage";
import type { CoverageReads } from "../../domain/ports";
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
    @Info() info: GraphQLResolveInfo,
    @Arg("bannerId", () => ID, { nullable: true }) bannerId?: string | null,
  ): Promise<CoverageReport> {
    const { coverage, clock } = this.deps.services;
    // The city dashboard asks only `cityObligationMet` here: without `banners` in the selection the
    // banners' counts (the heaviest statement of the dashboard) are not computed. With a bannerId the
    // banner is still looked up, so an unknown one is refused as before.
    const reads = bannerId || asksFor(info, "banners") ? coverage : withoutBanners(coverage);
    return coverageReport(reads, clock, (await ctx.access()).homePath, year, opt(bannerId));
  }
}

/** No banners in any scope: the report's banners are empty, so no counts are asked for. */
function withoutBanners(reads: CoverageReads): CoverageReads {
  return {
    bannersFor: async (scopes) => scopes.map(() => []),
    cityObligationSessions: (cityIds, window) => reads.cityObligationSessions(cityIds, window),
    bannerCounts: (pairs, window) => reads.bannerCounts(pairs, window),
  };
}

/** Whether the field's selection (fragments included) names `field`; an unknown fragment counts as yes. */
function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === "Field") return s.name.value === field;
      if (s.kind === "InlineFragment") return within(s.selectionSet);
      const fragment = info.fragments[s.name.value];
      return !fragment || within(fragment.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
