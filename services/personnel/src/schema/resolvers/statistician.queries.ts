import { opt, readScope } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { PersonnelServices } from "../../domain/ports";
import { getStatistician, searchStatisticians } from "../../domain/queries";
import type { Statistician } from "../../domain/statistician";
import type { GraphQLContext } from "../context";
import { StatisticianFilterInput } from "../inputs/statistician.inputs";
import { statisticianConnection, StatisticianConnectionType } from "../types/connection.type";
import { StatisticianType } from "../types/statistician.type";

@Resolver()
export class StatisticianQueries {
  constructor(private readonly services: PersonnelServices) {}

  @Query(() => StatisticianType, {
    nullable: true,
    description: "A person registered or posted in your area; NOT_FOUND otherwise.",
  })
  async statistician(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Statistician> {
    return getStatistician(this.services.statisticians, await readScope(ctx), id);
  }

  @Query(() => StatisticianConnectionType, {
    description: "People registered or posted in your area, by name.",
  })
  async statisticians(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => StatisticianFilterInput, { nullable: true }) filter?: StatisticianFilterInput | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<StatisticianConnectionType> {
    const page = await searchStatisticians(this.services, await readScope(ctx), {
      nameContains: opt(filter?.nameContains),
      orgUnitId: opt(filter?.orgUnitId),
      includeSample: opt(filter?.includeSample),
      first,
      after,
    });
    return statisticianConnection(page);
  }
}
