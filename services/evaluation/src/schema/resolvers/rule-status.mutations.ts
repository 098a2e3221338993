import { Ctx, Int, Mutation, Resolver } from "type-graphql";
import { republishRuleStatuses } from "../../domain/commands/republish-rule-statuses";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";

/** Evaluation's own rule statuses (R11, R13). */
@Resolver()
export class RuleStatusMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => Int, {
    description:
      "Publishes the current R11 and R13 result of every subject again (republished: true), for a new consumer or a rebuilt projection; the count. CITY_ADMIN.",
  })
  async republishEvaluationRuleStatuses(@Ctx() ctx: GraphQLContext): Promise<number> {
    return republishRuleStatuses(this.deps.services.uow, await changePolicy(ctx));
  }
}
