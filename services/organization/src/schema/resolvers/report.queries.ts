import { opt, readScope } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { OrganizationServices } from "../../domain/ports";
import {
  postCoverageReport,
  standardizationReport,
  type CoverageReport,
  type StandardizationReport,
} from "../../domain/reports";
import type { GraphQLContext } from "../context";
import { BannerPostCoverageType, BannerStandardizationType } from "../types/report.type";

/** R1 and R2 reports per banner, over the caller's area. */
@Resolver()
export class ReportQueries {
  constructor(private readonly services: OrganizationServices) {}

  @Query(() => [BannerPostCoverageType], {
    description: "R1: statistics-post coverage per banner in your area (or one banner).",
  })
  async postCoverage(
    @Ctx() ctx: GraphQLContext,
    @Arg("bannerId", () => ID, { nullable: true }) bannerId?: string | null,
  ): Promise<CoverageReport[]> {
    return postCoverageReport(this.services.units, await readScope(ctx), opt(bannerId));
  }

  @Query(() => [BannerStandardizationType], {
    description: "R2: 八有八化 progress per banner in your area, as of the end of `year` (default: today).",
  })
  async standardizationSummary(
    @Ctx() ctx: GraphQLContext,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
    @Arg("bannerId", () => ID, { nullable: true }) bannerId?: string | null,
  ): Promise<StandardizationReport[]> {
    const { units, clock } = this.services;
    return standardizationReport(units, clock, await readScope(ctx), opt(year), opt(bannerId));
  }
}
