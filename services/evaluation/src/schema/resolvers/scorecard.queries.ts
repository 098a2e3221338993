import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { scorecardPicture, yearOf } from "../../domain/scorecard-queries";
import { readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { pictureView } from "../scorecard-view";
import { ScorecardPictureType } from "../types/scorecard.type";

/** R13's live compliance picture. */
@Resolver()
export class ScorecardQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => ScorecardPictureType, {
    description:
      "A unit's whole compliance picture for a year (default: this year): its scorecard and every active unit below it, worst first. A banner's picture is a fixed number of SQL statements whatever its size.",
  })
  async complianceScorecard(
    @Arg("unitId", () => ID) unitId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ): Promise<ScorecardPictureType> {
    const { services } = this.deps;
    return pictureView(
      await scorecardPicture(services, await readScope(ctx), unitId, yearOf(services, year)),
    );
  }
}
