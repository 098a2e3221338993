import { PageInfoType } from "@grassroots/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { BudgetLevel, DisbursementKind, Purpose, ScheduleKind } from "../../domain/budget";
import type { InstalmentStatus } from "../../rules/r8-funds-on-time-in-full";
import {
  BudgetLevelEnum,
  DisbursementKindEnum,
  InstalmentStatusEnum,
  PurposeEnum,
  ScheduleKindEnum,
} from "./enums";

export const MONEY =
  'Yuan with exactly two decimals, e.g. "10000000.00" (integer fen inside; never a float).';
export const CAPITALS =
  "The amount in Chinese capital numerals as a voucher shows it (人民币壹仟零伍元零柒分).";

@ObjectType("BudgetInstalment", {
  description: "R8: one instalment of a line's schedule and how it was paid.",
})
export class InstalmentType {
  @Field(() => Int) seq: number;
  @Field(() => LocalDateResolver) dueDate: string;
  @Field({ description: MONEY }) amount: string;
  @Field({ description: `Paid on it so far (payments not reversed). ${MONEY}` }) paid: string;
  @Field(() => InstalmentStatusEnum) status: InstalmentStatus;
  @Field(() => Int, { nullable: true, description: "PAID_LATE: days from the due date to full payment." })
  daysLate: number | null;
  @Field({ description: `What is still missing. ${MONEY}` }) short: string;
}

@ObjectType("BudgetLineRevision", {
  description: "A version of a line's terms; a revision never overwrites one.",
})
export class BudgetLineRevisionType {
  @Field(() => Int) revision: number;
  @Field(() => Int, { nullable: true }) revisesRevision: number | null;
  @Field({ description: MONEY }) amount: string;
  @Field(() => ID, { nullable: true }) beneficiaryUnitId: string | null;
  @Field() classificationCode: string;
  @Field() documentTitle: string;
  @Field() documentNumber: string;
  @Field(() => ScheduleKindEnum) scheduleKind: ScheduleKind;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() revisedBy: string;
  @Field() revisedByName: string;
  @Field(() => GraphQLISODateTime) revisedAt: Date;
}

@ObjectType("Disbursement", {
  description: "R8: a payment (拨付) against an instalment, or the reversal of one.",
})
export class DisbursementType {
  @Field(() => ID) id: string;
  @Field(() => ID) lineId: string;
  @Field(() => Int) instalmentSeq: number;
  @Field(() => DisbursementKindEnum) kind: DisbursementKind;
  @Field({ description: MONEY }) amount: string;
  @Field({ description: CAPITALS }) amountInCapitals: string;
  @Field(() => LocalDateResolver, { description: "The business date paid (or reversed)." }) paidOn: string;
  @Field() voucherNumber: string;
  @Field() payer: string;
  @Field(() => ID, { nullable: true, description: "REVERSAL: the payment it undoes." }) reversesId:
    string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The over-budget approval's document, when it paid past the line.",
  })
  overBudgetDocument: string | null;
  @Field(() => String, { nullable: true }) overBudgetReason: string | null;
  @Field() recordedBy: string;
  @Field() recordedByName: string;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
}

@ObjectType("BudgetLine", {
  description: "R8: a line of the city's or a banner's budget, with its current terms.",
})
export class BudgetLineType {
  @Field(() => ID) id: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => BudgetLevelEnum) level: BudgetLevel;
  @Field(() => ID) ownerUnitId: string;
  @Field(() => PurposeEnum) purpose: Purpose;
  @Field(() => String, { nullable: true }) purposeName: string | null;
  @Field(() => ID, { nullable: true }) beneficiaryUnitId: string | null;
  @Field() classificationCode: string;
  @Field() documentTitle: string;
  @Field({ description: "文号 of the document that set it." }) documentNumber: string;
  @Field({ description: MONEY }) amount: string;
  @Field({ description: CAPITALS }) amountInCapitals: string;
  @Field(() => ScheduleKindEnum) scheduleKind: ScheduleKind;
  @Field(() => Int) revision: number;
  @Field(() => String, { nullable: true }) revisionReason: string | null;
  @Field() createdBy: string;
  @Field() createdByName: string;
  @Field(() => Int, { description: "Send it back as expectedVersion when revising the line." })
  version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@ObjectType("BudgetLineEdge")
export class BudgetLineEdgeType {
  @Field() cursor: string;
  @Field(() => BudgetLineType) node: BudgetLineType;
}

@ObjectType("BudgetLineConnection", { description: "Budget lines of a year; page with first/after." })
export class BudgetLineConnectionType {
  @Field(() => [BudgetLineEdgeType]) edges: BudgetLineEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}

@ObjectType("FiscalYearClosure")
export class FiscalYearClosureType {
  @Field(() => ID) ownerUnitId: string;
  @Field(() => Int) fiscalYear: number;
}
