import { notFoundInArea } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { rankingOf } from "../../domain/assessment-queries";
import { assessmentView } from "../assessment-view";
import { readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { rankingView } from "../ranking-view";
import { AssessmentResultSetType, AssessmentType } from "../types/assessment.type";

/** R12 assessments and rankings. */
@Resolver()
export class AssessmentQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => AssessmentType, {
    description: "An assessment you may see: any of your bureau's schemes, or of a unit in your area.",
  })
  async assessment(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<AssessmentType> {
    const [found] = await this.deps.services.assessments.assessments([id], await readScope(ctx));
    if (!found) throw notFoundInArea("Assessment", id, "id");
    return assessmentView(found);
  }

  @Query(() => AssessmentResultSetType, {
    nullable: true,
    description:
      "The latest ranking an owner published for a year — the city's banner ranking with the city's id — best first; null before any publication.",
  })
  async assessmentRanking(
    @Arg("ownerUnitId", () => ID) ownerUnitId: string,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentResultSetType | null> {
    const ranking = await rankingOf(this.deps.services, await readScope(ctx), ownerUnitId, year);
    return ranking && rankingView(ranking);
  }
}
