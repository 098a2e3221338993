import { LocalDateResolver } from "graphql-scalars";
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { ClaimStatus } from "../../domain/subsidy";
import { CAPITALS, MONEY } from "./budget.type";
import { ClaimStatusEnum } from "./enums";

@ObjectType("SubsidyStandardItem")
export class StandardItemType {
  @Field({
    description: "HOUSEHOLD_LISTING, SHORT_FORM, LONG_FORM, MONTHLY_REPORT, REGISTER_CHECK, PERSON_MONTH …",
  })
  taskKind: string;
  @Field({ description: "户, 份, 个单位, 人月 …" }) unitOfWork: string;
  @Field({ description: MONEY }) rate: string;
  @Field({ description: "The rate is a minimum (the banner may pay more)." }) isMinimum: boolean;
}

@ObjectType("SubsidyStandard", { description: "R10: a version of a banner's subsidy standard." })
export class SubsidyStandardType {
  @Field(() => ID) id: string;
  @Field(() => ID) bannerUnitId: string;
  @Field(() => Int) version: number;
  @Field(() => LocalDateResolver) effectiveFrom: string;
  @Field(() => LocalDateResolver, { nullable: true }) effectiveTo: string | null;
  @Field() documentTitle: string;
  @Field() documentNumber: string;
  @Field() isSample: boolean;
  @Field(() => [StandardItemType]) items: StandardItemType[];
}

@ObjectType("SubsidyTask", {
  description: "R10: a task a statistician carried out, recorded by the township clerk.",
})
export class TaskRecordType {
  @Field(() => ID) id: string;
  @Field(() => ID) statisticianId: string;
  @Field(() => ID) unitId: string;
  @Field() taskKind: string;
  @Field(() => Int) quantity: number;
  @Field() period: string;
  @Field(() => LocalDateResolver) businessDate: string;
  @Field() evidenceRef: string;
  @Field(() => ID, { nullable: true }) claimId: string | null;
  @Field() recordedByName: string;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
}

@ObjectType("SubsidyClaim", { description: "R10: DRAFT → SUBMITTED → APPROVED | RETURNED → PAID." })
export class SubsidyClaimType {
  @Field(() => ID) id: string;
  @Field(() => ID) statisticianId: string;
  @Field(() => ID) bannerUnitId: string;
  @Field() period: string;
  @Field(() => ClaimStatusEnum) status: ClaimStatus;
  @Field({ description: `Σ quantity × the rate in force on each task's date. ${MONEY}` }) computed: string;
  @Field(() => String, { nullable: true, description: MONEY }) approved: string | null;
  @Field(() => String, { nullable: true }) differenceReason: string | null;
  @Field(() => String, { nullable: true }) returnReason: string | null;
  @Field(() => String, { nullable: true }) approvedByName: string | null;
  @Field(() => ID, { nullable: true }) batchId: string | null;
  @Field(() => Int) version: number;
}

@ObjectType("SubsidyPaymentBatch", {
  description: "R10: a banner's payment of approved claims for a period.",
})
export class PaymentBatchType {
  @Field(() => ID) id: string;
  @Field(() => ID) bannerUnitId: string;
  @Field() period: string;
  @Field(() => Int) claimCount: number;
  @Field({ description: MONEY }) total: string;
  @Field({ description: CAPITALS }) totalInCapitals: string;
  @Field() voucherNumber: string;
  @Field(() => LocalDateResolver) paidOn: string;
}

@ObjectType("SubsidyPayment", { description: "R10: a claim of the person paid in a batch." })
export class SubsidyPaymentType {
  @Field(() => ID) claimId: string;
  @Field(() => ID) batchId: string;
  @Field() period: string;
  @Field({ description: MONEY }) amount: string;
  @Field({ description: CAPITALS }) amountInCapitals: string;
  @Field() voucherNumber: string;
  @Field(() => LocalDateResolver) paidOn: string;
}
