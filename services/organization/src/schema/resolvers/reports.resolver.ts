import { opt } from "@grassroots/kit";
import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { OrganizationServices } from "../../domain/ports";
import type { Assessment } from "../../domain/standardization";
import {
  assessmentItemShare,
  postCoverageReport,
  standardizationReport,
  type CoverageReport,
  type StandardizationReport,
} from "../../domain/reports";
import { readScope, type GraphQLContext } from "../context";
import { BannerPostCoverageType, BannerStandardizationType } from "../types/report.type";
import { AssessmentType } from "../types/standardization.type";

@Resolver()
export class ReportsResolver {
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

/** R2 item-level progress of one township's assessment (beside itemsMet and itemsTotal). */
@Resolver(() => AssessmentType)
export class AssessmentProgressFields {
  @FieldResolver(() => Float, {
    nullable: true,
    description: "itemsMet / itemsTotal, 4 decimals like the other rates (15 of 16 items: 0.9375).",
  })
  itemShare(@Root() assessment: Assessment): number | null {
    return assessmentItemShare(assessment);
  }
}
