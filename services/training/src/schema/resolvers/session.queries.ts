import { opt } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { getSession, searchSessions } from "../../domain/queries";
import type { TrainingSession } from "../../domain/training";
import { readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { TrainingSessionFilterInput } from "../inputs/session.inputs";
import { sessionAfter, toConnection } from "../types/connection";
import { TrainingSessionConnectionType, TrainingSessionType } from "../types/session.type";

/** Sessions in the caller's scope (readScope): a lookup, and the list paged by keyset. */
@Resolver()
export class SessionQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => TrainingSessionType, {
    nullable: true,
    description:
      "A session organised in your area or by a bureau above you (the city's, your banner's); NOT_FOUND otherwise.",
  })
  async trainingSession(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TrainingSession> {
    return getSession(this.deps.services.sessions, await readScope(ctx), id);
  }

  @Query(() => TrainingSessionConnectionType, { description: "Sessions you may see, latest start first." })
  async trainingSessions(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => TrainingSessionFilterInput, { nullable: true })
    filter?: TrainingSessionFilterInput | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<TrainingSessionConnectionType> {
    const page = await searchSessions(this.deps.services.sessions, await readScope(ctx), {
      first: first ?? 20,
      after: sessionAfter(after),
      year: opt(filter?.year),
      kinds: opt(filter?.kinds),
      statuses: opt(filter?.statuses),
      organizerUnitId: opt(filter?.organizerUnitId),
    });
    return toConnection(page);
  }
}
