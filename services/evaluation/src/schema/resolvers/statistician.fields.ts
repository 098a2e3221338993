import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { commendationView } from "../commendation-view";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { CommendationType } from "../types/commendation.type";
import { StatisticianType } from "../types/statistician.type";

/** Evaluation's field on personnel's Statistician, batched across people. */
@Resolver(() => StatisticianType)
export class StatisticianFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => [CommendationType], {
    description:
      "R12: the person's commendations (先进个人): published ones for everyone, the others in the nominating banner's area.",
  })
  async commendations(@Root() s: { id: string }, @Ctx() ctx: GraphQLContext): Promise<CommendationType[]> {
    return (await this.deps.loaders(ctx).commendationsOfStatistician.load(s.id)).map(commendationView);
  }
}
