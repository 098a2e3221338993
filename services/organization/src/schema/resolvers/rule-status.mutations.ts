import { Ctx, Int, Mutation, Resolver } from "type-graphql";
import { republishRuleStatuses } from "../../domain/commands/republish-rule-statuses";
import type { OrganizationServices } from "../../domain/ports";
import { changePolicy, type GraphQLContext } from "../context";

/** Issue 12: the rule-status events of R1 and R2, republished on request. */
@Resolver()
export class RuleStatusMutations {
  constructor(private readonly services: OrganizationServices) {}

  @Mutation(() => Int, {
    description:
      "Republishes the current R1 and R2 status of every subject (republished: true), computing any missing " +
      "first, for a new consumer or a rebuilt projection (CITY_ADMIN). Returns how many were published.",
  })
  async republishRuleStatuses(@Ctx() ctx: GraphQLContext): Promise<number> {
    return republishRuleStatuses(this.services.uow, await changePolicy(ctx));
  }
}
