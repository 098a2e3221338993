import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { generateClaims } from "../../domain/commands/generate-claims";
import { payClaims } from "../../domain/commands/pay-claims";
import { recordTask } from "../../domain/commands/record-task";
import { approveClaim } from "../../domain/commands/approve-claim";
import { returnClaim } from "../../domain/commands/return-claim";
import { setSubsidyStandard } from "../../domain/commands/set-subsidy-standard";
import { submitClaim } from "../../domain/commands/submit-claim";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  ApproveClaimInput,
  ClaimStepInput,
  GenerateClaimsInput,
  PayClaimsInput,
  RecordTaskInput,
  ReturnClaimInput,
  SetSubsidyStandardInput,
} from "../inputs/subsidy.inputs";
import { batchView, claimView, standardView } from "../subsidy-views";
import {
  PaymentBatchType,
  SubsidyClaimType,
  SubsidyStandardType,
  TaskRecordType,
} from "../types/subsidy.type";

/** Thin: map the input, take the caller's policy, run the command. */
@Resolver()
export class SubsidyMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => SubsidyStandardType, {
    description: "R10 (BANNER_ADMIN): a new version of the banner's subsidy standard.",
  })
  async setSubsidyStandard(@Arg("input") input: SetSubsidyStandardInput, @Ctx() ctx: GraphQLContext) {
    const s = await setSubsidyStandard(this.deps.services.uow, await changePolicy(ctx), {
      ...input,
      effectiveTo: opt(input.effectiveTo),
      items: input.items.map((i) => ({ ...i, isMinimum: opt(i.isMinimum) })),
    });
    return standardView(s);
  }

  @Mutation(() => TaskRecordType, {
    description: "R10 (UNIT_CLERK): a task of a statistician posted in the village.",
  })
  async recordSubsidyTask(@Arg("input") input: RecordTaskInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    return recordTask(uow, await changePolicy(ctx), clock, { ...input, requestId: opt(input.requestId) });
  }

  @Mutation(() => [SubsidyClaimType], {
    description: "R10 (BANNER_ADMIN): the banner's claims of a period, in bulk.",
  })
  async generateSubsidyClaims(@Arg("input") input: GenerateClaimsInput, @Ctx() ctx: GraphQLContext) {
    return (await generateClaims(this.deps.services.uow, await changePolicy(ctx), input)).map(claimView);
  }

  @Mutation(() => SubsidyClaimType, { description: "R10: DRAFT or RETURNED → SUBMITTED." })
  async submitSubsidyClaim(@Arg("input") input: ClaimStepInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    return claimView(await submitClaim(uow, await changePolicy(ctx), clock, input));
  }

  @Mutation(() => SubsidyClaimType, { description: "R10 (BANNER_ADMIN): SUBMITTED → APPROVED." })
  async approveSubsidyClaim(@Arg("input") input: ApproveClaimInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    return claimView(
      await approveClaim(uow, await changePolicy(ctx), clock, {
        ...input,
        approvedAmount: opt(input.approvedAmount),
        reason: opt(input.reason),
      }),
    );
  }

  @Mutation(() => SubsidyClaimType, {
    description: "R10 (BANNER_ADMIN): SUBMITTED → RETURNED with a reason.",
  })
  async returnSubsidyClaim(@Arg("input") input: ReturnClaimInput, @Ctx() ctx: GraphQLContext) {
    return claimView(await returnClaim(this.deps.services.uow, await changePolicy(ctx), input));
  }

  @Mutation(() => PaymentBatchType, {
    description: "R10 (FINANCE_OFFICER of the banner): approved claims paid in one batch.",
  })
  async paySubsidyClaims(@Arg("input") input: PayClaimsInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    return batchView(
      await payClaims(uow, await changePolicy(ctx), clock, { ...input, requestId: opt(input.requestId) }),
    );
  }
}
