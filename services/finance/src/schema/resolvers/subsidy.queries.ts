import { isUuid } from "@grassroots/kit/validation";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { SUBSIDY_READERS } from "../../domain/access-policy";
import { checkPeriod } from "../../domain/commands/subsidy-common";
import { readerScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { claimView } from "../subsidy-views";
import { SubsidyClaimType } from "../types/subsidy.type";

@Resolver()
export class SubsidyQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => [SubsidyClaimType], {
    description: "R10: a banner's claims of a period (inside or above the banner).",
  })
  async subsidyClaims(
    @Arg("bannerUnitId", () => ID) bannerUnitId: string,
    @Arg("period") period: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SubsidyClaimType[]> {
    const scope = await readerScope(ctx, "read subsidy claims", SUBSIDY_READERS);
    if (!isUuid(bannerUnitId)) return [];
    return (await this.deps.services.subsidies.claimsOfBanner(bannerUnitId, checkPeriod(period), scope)).map(
      claimView,
    );
  }
}
