import { opt, readScope } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { Filing } from "../../domain/filing";
import type { PersonnelServices } from "../../domain/ports";
import { getFiling, searchFilings } from "../../domain/queries";
import type { GraphQLContext } from "../context";
import { FilingFilterInput } from "../inputs/filing.inputs";
import { filingConnection, FilingConnectionType } from "../types/connection.type";
import { FilingType } from "../types/filing.type";

@Resolver()
export class FilingQueries {
  constructor(private readonly services: PersonnelServices) {}

  @Query(() => FilingType, {
    nullable: true,
    description: "A filing of a unit in your area; NOT_FOUND otherwise.",
  })
  async filing(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return getFiling(this.services.filings, await readScope(ctx), id);
  }

  @Query(() => FilingConnectionType, {
    description: "R5: filings of units in your area, oldest submission first.",
  })
  async filings(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => FilingFilterInput, { nullable: true }) filter?: FilingFilterInput | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<FilingConnectionType> {
    const { settings, clock } = this.services;
    const page = await searchFilings(this.services, await readScope(ctx), settings, clock.today(), {
      statuses: opt(filter?.statuses),
      bannerId: opt(filter?.bannerId),
      orgUnitId: opt(filter?.orgUnitId),
      statisticianId: opt(filter?.statisticianId),
      overdueOnly: opt(filter?.overdueOnly),
      first,
      after,
    });
    return filingConnection(page);
  }

  @Query(() => FilingConnectionType, {
    description:
      "R5: filings in your area not filed within FILING_DUE_DAYS of submission (returned ones included), oldest first.",
  })
  async overdueFilings(
    @Ctx() ctx: GraphQLContext,
    @Arg("bannerId", () => ID, { nullable: true }) bannerId?: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<FilingConnectionType> {
    const { settings, clock } = this.services;
    const page = await searchFilings(this.services, await readScope(ctx), settings, clock.today(), {
      bannerId: opt(bannerId),
      overdueOnly: true,
      first,
      after,
    });
    return filingConnection(page);
  }
}
