import { Ctx, Int, Mutation, Resolver } from "type-graphql";
import { republishRuleStatuses } from "../../domain/commands/republish-rule-statuses";
import type { PersonnelServices } from "../../domain/ports";
import { changePolicy, type GraphQLContext } from "../context";

/** Issue 12: the rule-status events of R3, R4, R5 and R7, republished on request. */
// Named after the service: the gateway composes every subgraph's Mutation fields into one type, where
// one name in several subgraphs does not compose (Mutation fields are not shareable).
@Resolver()
export class RuleStatusMutations {
  constructor(private readonly services: PersonnelServices) {}

  @Mutation(() => Int, {
    description:
      "Republishes the current R3, R4, R5 and R7 status of every staffed unit (republished: true), computing " +
      "every result first, for a new consumer or a rebuilt projection (CITY_ADMIN). Returns how many were published.",
  })
  async republishPersonnelRuleStatuses(@Ctx() ctx: GraphQLContext): Promise<number> {
    const { uow, clock, settings } = this.services;
    return republishRuleStatuses(uow, await changePolicy(ctx), clock, settings);
  }
}
