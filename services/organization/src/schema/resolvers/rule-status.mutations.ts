import { Ctx, Int, Mutation, Resolver } from "type-graphql";
import { republishRuleStatuses } from "../../domain/commands/republish-rule-statuses";
import type { OrganizationServices } from "../../domain/ports";
import { changePolicy, type GraphQLContext } from "../context";

/** Issue 12: the rule-status events of R1 and R2, republished on request. */
// Named after the service: the gateway composes every subgraph's Mutation fields into one type, where
// one name in several subgraphs does not compose (Mutation fields are not shareable).
@Resolver()
export class RuleStatusMutations {
  constructor(private readonly services: OrganizationServices) {}

  @Mutation(() => Int, {
    description:
      "Republishes the current R1 and R2 status of every subject (republished: true), computing any missing " +
      "first, for a new consumer or a rebuilt projection (CITY_ADMIN). Returns how many were published.",
  })
  async republishOrganizationRuleStatuses(@Ctx() ctx: GraphQLContext): Promise<number> {
    return republishRuleStatuses(this.services.uow, await changePolicy(ctx));
  }
}
