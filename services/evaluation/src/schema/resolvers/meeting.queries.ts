import { notFoundInArea } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { MeetingYearSummaryType } from "../types/meeting.type";

/** R11 per banner and year. */
@Resolver()
export class MeetingQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => MeetingYearSummaryType, {
    description:
      "R11 for a banner (or the city) and year: meetings that studied grassroots statistics, problems raised, resolved, overdue.",
  })
  async meetingSummary(
    @Arg("holderUnitId", () => ID) holderUnitId: string,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingYearSummaryType> {
    const { scorecards, meetings, clock } = this.deps.services;
    const [holder] = await scorecards.units([holderUnitId], await readScope(ctx));
    if (!holder) throw notFoundInArea("Org unit", holderUnitId, "holderUnitId");
    return {
      holder: { id: holder.id },
      year,
      ...(await meetings.yearCounts(holder.id, year, clock.today())),
    };
  }
}
