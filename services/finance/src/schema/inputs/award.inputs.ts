import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { AllocationRule } from "../../rules/r9-award-allocation";
import { MONEY } from "../types/budget.type";
import { RuleKindEnum, TierRemainderEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

@InputType("TierGradeInput")
export class TierGradeInput {
  @Field() name: string;
  @Field({ description: 'The band\'s lower score, e.g. "90.00" (the lowest grade starts at "0.00").' })
  minScore: string;
  @Field(() => String, { nullable: true, description: MONEY }) amount?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Percent of the annual amount per banner, e.g. "12.50".',
  })
  share?: string | null;
  @Field(() => Int, { nullable: true }) maxCount?: number | null;
  @Field(() => Int, { nullable: true }) maxPercent?: number | null;
}

@InputType("AllocationRuleInput", { description: "R9: refused when it cannot be satisfied." })
export class AllocationRuleInput {
  @Field(() => RuleKindEnum) kind: AllocationRule["kind"];
  @Field(() => TierRemainderEnum, { nullable: true }) remainder?: "KEEP" | "SHARE_BY_SCORE" | null;
  @Field(() => String, { nullable: true }) minimumScore?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'BASE_PLUS_PERFORMANCE: the equal part, a percent "30.00".',
  })
  baseShare?: string | null;
  @Field(() => [TierGradeInput], { nullable: true }) grades?: TierGradeInput[] | null;
}

@InputType("CreateAwardProgrammeInput")
export class CreateAwardProgrammeInput {
  @Field(() => ID) cityUnitId: string;
  @Field() name: string;
  @Field(() => Int) firstYear: number;
  @Field(() => Int) lastYear: number;
  @Field({ description: MONEY }) annualAmount: string;
  @Field(() => AllocationRuleInput) rule: AllocationRuleInput;
  @Field(() => Boolean, { nullable: true }) isSample?: boolean | null;
}

@InputType("SetAllocationRuleInput")
export class SetAllocationRuleInput {
  @Field(() => ID) programmeId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => AllocationRuleInput) rule: AllocationRuleInput;
  @Field(() => Boolean, { nullable: true }) isSample?: boolean | null;
}

@InputType("OpenAllocationRoundInput")
export class OpenAllocationRoundInput {
  @Field(() => ID) programmeId: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => ID) lineId: string;
}

@InputType("AllocationRoundStepInput")
export class AllocationRoundStepInput {
  @Field(() => ID) roundId: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType("RecordAwardPaymentInput")
export class RecordAwardPaymentInput {
  @Field(() => ID) roundId: string;
  @Field(() => ID) unitId: string;
  @Field(() => Int) instalmentSeq: number;
  @Field({ description: MONEY }) amount: string;
  @Field(() => LocalDateResolver) paidOn: string;
  @Field() voucherNumber: string;
  @Field() payer: string;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}
