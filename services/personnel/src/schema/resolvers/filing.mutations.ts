import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { takeFilingStep } from "../../domain/commands/filing-step";
import type { Filing } from "../../domain/filing";
import type { PersonnelServices } from "../../domain/ports";
import { changePolicy, type GraphQLContext } from "../context";
import { FilingStepInput, ReturnFilingInput } from "../inputs/filing.inputs";
import { FilingType } from "../types/filing.type";

/** R5's steps after submission, each one call of the filing-step command. */
@Resolver()
export class FilingMutations {
  constructor(private readonly services: PersonnelServices) {}

  @Mutation(() => FilingType, {
    description: "R5: the township confirms a village-level filing and forwards it to the banner bureau.",
  })
  async forwardFiling(@Arg("input") input: FilingStepInput, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return this.step(ctx, { ...input, step: "FORWARD", reason: input.note });
  }

  @Mutation(() => FilingType, { description: "R5: the banner bureau files the change." })
  async fileFiling(@Arg("input") input: FilingStepInput, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return this.step(ctx, { ...input, step: "FILE", reason: input.note });
  }

  @Mutation(() => FilingType, { description: "R5: the banner bureau returns the filing with a reason." })
  async returnFiling(@Arg("input") input: ReturnFilingInput, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return this.step(ctx, { ...input, step: "RETURN" });
  }

  @Mutation(() => FilingType, {
    description: "R5: the unit's level resubmits a returned filing once corrected.",
  })
  async resubmitFiling(@Arg("input") input: FilingStepInput, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return this.step(ctx, { ...input, step: "RESUBMIT", reason: input.note });
  }

  private async step(ctx: GraphQLContext, input: Parameters<typeof takeFilingStep>[3]): Promise<Filing> {
    const { uow, clock } = this.services;
    return takeFilingStep(uow, await changePolicy(ctx), clock, {
      requestId: input.requestId,
      filingId: input.filingId,
      expectedVersion: input.expectedVersion,
      step: input.step,
      reason: input.reason,
    });
  }
}
