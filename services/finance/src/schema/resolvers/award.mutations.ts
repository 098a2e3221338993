import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RuleData } from "../../domain/award";
import { approveAllocationRound } from "../../domain/commands/approve-allocation-round";
import { closeAllocationRound } from "../../domain/commands/close-allocation-round";
import { computeAllocationRound } from "../../domain/commands/compute-allocation-round";
import { createAwardProgramme } from "../../domain/commands/create-award-programme";
import { openAllocationRound } from "../../domain/commands/open-allocation-round";
import { recordAwardPayment } from "../../domain/commands/record-award-payment";
import { setAllocationRule } from "../../domain/commands/set-allocation-rule";
import { programmeView, roundView } from "../award-views";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  AllocationRoundStepInput,
  CreateAwardProgrammeInput,
  OpenAllocationRoundInput,
  RecordAwardPaymentInput,
  SetAllocationRuleInput,
  type AllocationRuleInput,
} from "../inputs/award.inputs";
import { AllocationRoundType, AwardProgrammeType } from "../types/award.type";
import { DisbursementType } from "../types/budget.type";
import { disbursementView } from "../views";

const rule = (r: AllocationRuleInput): RuleData => ({
  kind: r.kind,
  remainder: opt(r.remainder),
  minimumScore: opt(r.minimumScore),
  baseShare: opt(r.baseShare),
  grades: opt(r.grades),
});

/** Thin: map the input, take the caller's policy, run the command. */
@Resolver()
export class AwardMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => AwardProgrammeType, {
    description: "R9 (CITY_ADMIN): the city's programme with its first rule version.",
  })
  async createAwardProgramme(@Arg("input") input: CreateAwardProgrammeInput, @Ctx() ctx: GraphQLContext) {
    const p = await createAwardProgramme(this.deps.services.uow, await changePolicy(ctx), {
      ...input,
      rule: rule(input.rule),
      isSample: opt(input.isSample),
    });
    return programmeView(p);
  }

  @Mutation(() => AwardProgrammeType, {
    description: "R9 (CITY_ADMIN): a new version of the allocation rule.",
  })
  async setAllocationRule(@Arg("input") input: SetAllocationRuleInput, @Ctx() ctx: GraphQLContext) {
    const p = await setAllocationRule(this.deps.services.uow, await changePolicy(ctx), {
      ...input,
      rule: rule(input.rule),
      isSample: opt(input.isSample),
    });
    return programmeView(p);
  }

  @Mutation(() => AllocationRoundType, {
    description: "R9 (CITY_ADMIN): a DRAFT round for one of the programme's years.",
  })
  async openAllocationRound(@Arg("input") input: OpenAllocationRoundInput, @Ctx() ctx: GraphQLContext) {
    return roundView(await openAllocationRound(this.deps.services.uow, await changePolicy(ctx), input));
  }

  @Mutation(() => AllocationRoundType, {
    description: "R9 (CITY_ADMIN): computes from the latest published results.",
  })
  async computeAllocationRound(@Arg("input") input: AllocationRoundStepInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    return roundView(await computeAllocationRound(uow, await changePolicy(ctx), clock, input));
  }

  @Mutation(() => AllocationRoundType, {
    description: "R9 (CITY_ADMIN, not who computed it): freezes the round.",
  })
  async approveAllocationRound(@Arg("input") input: AllocationRoundStepInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    return roundView(await approveAllocationRound(uow, await changePolicy(ctx), clock, input));
  }

  @Mutation(() => DisbursementType, {
    description: "R9 (city FINANCE_OFFICER): pays a banner's allocation from the programme's line.",
  })
  async recordAwardPayment(@Arg("input") input: RecordAwardPaymentInput, @Ctx() ctx: GraphQLContext) {
    const { uow, clock } = this.deps.services;
    const d = await recordAwardPayment(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
    return disbursementView(d);
  }

  @Mutation(() => AllocationRoundType, { description: "R9 (CITY_ADMIN): DISBURSED → CLOSED." })
  async closeAllocationRound(@Arg("input") input: AllocationRoundStepInput, @Ctx() ctx: GraphQLContext) {
    return roundView(await closeAllocationRound(this.deps.services.uow, await changePolicy(ctx), input));
  }
}
