import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import { MONEY } from "../types/budget.type";
import { REQUEST_ID } from "./request-id";

@InputType("SubsidyStandardItemInput")
export class StandardItemInput {
  @Field() taskKind: string;
  @Field() unitOfWork: string;
  @Field({ description: MONEY }) rate: string;
  @Field(() => Boolean, { nullable: true }) isMinimum?: boolean | null;
}

@InputType("SetSubsidyStandardInput")
export class SetSubsidyStandardInput {
  @Field(() => ID) bannerUnitId: string;
  @Field(() => LocalDateResolver) effectiveFrom: string;
  @Field(() => LocalDateResolver, { nullable: true }) effectiveTo?: string | null;
  @Field() documentTitle: string;
  @Field() documentNumber: string;
  @Field(() => [StandardItemInput]) items: StandardItemInput[];
}

@InputType("RecordSubsidyTaskInput")
export class RecordTaskInput {
  @Field(() => ID) statisticianId: string;
  @Field(() => ID, { description: "The village or community." }) unitId: string;
  @Field() taskKind: string;
  @Field(() => Int) quantity: number;
  @Field({ description: "The month, YYYY-MM." }) period: string;
  @Field(() => LocalDateResolver) businessDate: string;
  @Field() evidenceRef: string;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("GenerateSubsidyClaimsInput")
export class GenerateClaimsInput {
  @Field(() => ID) bannerUnitId: string;
  @Field() period: string;
}

@InputType("SubsidyClaimStepInput")
export class ClaimStepInput {
  @Field(() => ID) claimId: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType("ApproveSubsidyClaimInput")
export class ApproveClaimInput {
  @Field(() => ID) claimId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, {
    nullable: true,
    description: `Another amount than computed (with a reason). ${MONEY}`,
  })
  approvedAmount?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType("ReturnSubsidyClaimInput")
export class ReturnClaimInput {
  @Field(() => ID) claimId: string;
  @Field(() => Int) expectedVersion: number;
  @Field() reason: string;
}

@InputType("PaySubsidyClaimsInput")
export class PayClaimsInput {
  @Field(() => ID) bannerUnitId: string;
  @Field() period: string;
  @Field(() => [ID]) claimIds: string[];
  @Field() voucherNumber: string;
  @Field(() => LocalDateResolver) paidOn: string;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}
