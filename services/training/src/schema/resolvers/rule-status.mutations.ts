import { Ctx, Int, Mutation, Resolver } from "type-graphql";
import { republishRuleStatuses } from "../../domain/commands/republish-rule-statuses";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";

/** Issue 12: the rule-status events of R6, republished on request. */
// Named after the service: the gateway composes every subgraph's Mutation fields into one type, where
// one name in several subgraphs does not compose (Mutation fields are not shareable).
@Resolver()
export class RuleStatusMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => Int, {
    description:
      "Republishes the current R6 status of every city (its obligation) and banner (its coverage) and year " +
      "(republished: true), computing every result first, for a new consumer or a rebuilt projection " +
      "(CITY_ADMIN). Returns how many were published.",
  })
  async republishTrainingRuleStatuses(@Ctx() ctx: GraphQLContext): Promise<number> {
    const { uow, clock, ruleStatus } = this.deps.services;
    return republishRuleStatuses(uow, await changePolicy(ctx), clock, ruleStatus);
  }
}
