import { Arg, Ctx, Int, Mutation, Resolver } from "type-graphql";
import { decideCommendation, publishCommendations } from "../../domain/commands/decide-commendation";
import { nominateForCommendation } from "../../domain/commands/nominate-for-commendation";
import { setCommendationQuota } from "../../domain/commands/set-commendation-quota";
import { commendationView, quotaView } from "../commendation-view";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  CommendationQuotaInput,
  DecideCommendationInput,
  NominationInput,
} from "../inputs/commendation.inputs";
import { CommendationQuotaType, CommendationType } from "../types/commendation.type";

/** R12 commendations (thin: parse, call, map). */
@Resolver()
export class CommendationMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => CommendationQuotaType, {
    description: "Sets a banner's commendation quota of a year and kind (CITY_ADMIN).",
  })
  async setCommendationQuota(
    @Arg("input", () => CommendationQuotaInput) input: CommendationQuotaInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CommendationQuotaType> {
    const { uow, clock } = this.deps.services;
    return quotaView(await setCommendationQuota(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => CommendationType, {
    description:
      "A banner recommends a unit (from its published assessment) or an active statistician of its area (BANNER_ADMIN).",
  })
  async nominateForCommendation(
    @Arg("input", () => NominationInput) input: NominationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CommendationType> {
    const { uow, clock } = this.deps.services;
    return commendationView(await nominateForCommendation(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => CommendationType, {
    description: "The city approves a recommendation, or rejects it with a reason (CITY_ADMIN).",
  })
  async decideCommendation(
    @Arg("input", () => DecideCommendationInput) input: DecideCommendationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CommendationType> {
    const { uow, clock } = this.deps.services;
    return commendationView(await decideCommendation(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => [CommendationType], {
    description: "Publishes the year's approved commendations of your area (CITY_ADMIN).",
  })
  async publishCommendations(
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CommendationType[]> {
    const { uow, clock } = this.deps.services;
    return (await publishCommendations(uow, await changePolicy(ctx), clock, { year })).map(commendationView);
  }
}
