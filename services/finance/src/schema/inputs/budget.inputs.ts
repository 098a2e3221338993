import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { Purpose, ScheduleKind } from "../../domain/budget";
import { MONEY } from "../types/budget.type";
import { PurposeEnum, ScheduleKindEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

@InputType("InstalmentInput")
export class InstalmentInput {
  @Field(() => LocalDateResolver) dueDate: string;
  @Field({ description: MONEY }) amount: string;
}

@InputType("ScheduleInput", {
  description: "The payment schedule; its instalments add up exactly to the line.",
})
export class ScheduleInput {
  @Field(() => ScheduleKindEnum) kind: ScheduleKind;
  @Field(() => LocalDateResolver, { nullable: true, description: "ONCE: the due date." }) dueDate?:
    string | null;
  @Field(() => [InstalmentInput], { nullable: true, description: "CUSTOM: each instalment, in date order." })
  instalments?: InstalmentInput[] | null;
}

@InputType("CreateBudgetLineInput")
export class CreateBudgetLineInput {
  @Field(() => Int) fiscalYear: number;
  @Field(() => ID, { description: "The city or a banner: the caller's own government." }) ownerUnitId: string;
  @Field(() => PurposeEnum) purpose: Purpose;
  @Field(() => String, { nullable: true, description: "Required for OTHER." }) purposeName?: string | null;
  @Field(() => ID, { nullable: true }) beneficiaryUnitId?: string | null;
  @Field({ description: "The functional classification code as the finance bureau writes it." })
  classificationCode: string;
  @Field() documentTitle: string;
  @Field({ description: "文号" }) documentNumber: string;
  @Field({ description: MONEY }) amount: string;
  @Field(() => ScheduleInput) schedule: ScheduleInput;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("ReviseBudgetLineInput")
export class ReviseBudgetLineInput {
  @Field(() => ID) lineId: string;
  @Field(() => Int) expectedVersion: number;
  @Field() reason: string;
  @Field(() => ID, { nullable: true }) beneficiaryUnitId?: string | null;
  @Field() classificationCode: string;
  @Field() documentTitle: string;
  @Field() documentNumber: string;
  @Field({ description: MONEY }) amount: string;
  @Field(() => ScheduleInput) schedule: ScheduleInput;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("OverBudgetApprovalInput", { description: "An explicit approval to pay past the line's amount." })
export class OverBudgetApprovalInput {
  @Field() documentNumber: string;
  @Field() reason: string;
}

@InputType("RecordDisbursementInput")
export class RecordDisbursementInput {
  @Field(() => ID) lineId: string;
  @Field(() => Int) instalmentSeq: number;
  @Field({ description: MONEY }) amount: string;
  @Field(() => LocalDateResolver) paidOn: string;
  @Field() voucherNumber: string;
  @Field() payer: string;
  @Field(() => OverBudgetApprovalInput, { nullable: true })
  overBudgetApproval?: OverBudgetApprovalInput | null;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("ReverseDisbursementInput")
export class ReverseDisbursementInput {
  @Field(() => ID) lineId: string;
  @Field(() => ID) disbursementId: string;
  @Field(() => LocalDateResolver) reversedOn: string;
  @Field() voucherNumber: string;
  @Field() reason: string;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("CloseFiscalYearInput")
export class CloseFiscalYearInput {
  @Field(() => ID) ownerUnitId: string;
  @Field(() => Int) fiscalYear: number;
}
