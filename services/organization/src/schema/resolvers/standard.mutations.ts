import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { defineStandard } from "../../domain/commands/define-standard";
import type { OrganizationServices } from "../../domain/ports";
import type { Standard } from "../../domain/standardization";
import { changePolicy, type GraphQLContext } from "../context";
import { DefineStandardInput } from "../inputs/standard.inputs";
import { StandardType } from "../types/standard.type";

@Resolver()
export class StandardMutations {
  constructor(private readonly services: OrganizationServices) {}

  @Mutation(() => StandardType, { description: "Adds the next version of a standard (CITY_ADMIN)." })
  async defineStandardizationStandard(
    @Arg("input") input: DefineStandardInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Standard> {
    return defineStandard(this.services.uow, await changePolicy(ctx), {
      ...input,
      items: input.items.map((i) => ({ ...i, description: i.description ?? null })),
      requestId: opt(input.requestId),
    });
  }
}
