import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { RuleStatusValue } from "@grassroots/events/contracts";
import type { InstalmentStatus } from "../../rules/r8-funds-on-time-in-full";
import { MONEY } from "./budget.type";
import { InstalmentStatusEnum, RuleStatusEnum } from "./enums";

@ObjectType("BudgetExecutionItem", { description: "R8: an instalment paid late, short or not at all." })
export class BudgetExecutionItemType {
  @Field(() => ID) lineId: string;
  @Field() purpose: string;
  @Field(() => Int) seq: number;
  @Field(() => LocalDateResolver) dueDate: string;
  @Field({ description: MONEY }) amount: string;
  @Field({ description: MONEY }) paid: string;
  @Field(() => InstalmentStatusEnum) status: InstalmentStatus;
  @Field(() => Int, { nullable: true }) daysLate: number | null;
  @Field({ description: MONEY }) short: string;
  @Field() reason: string;
}

@ObjectType("BudgetExecution", {
  description: "R8 for a unit (its own lines and those it benefits from) and a fiscal year, as of a date.",
})
export class BudgetExecutionType {
  @Field(() => ID) unitId: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => LocalDateResolver) asOf: string;
  @Field(() => RuleStatusEnum, { description: "MET: every instalment due was paid on time and in full." })
  status: RuleStatusValue;
  @Field({ description: MONEY }) budgeted: string;
  @Field({ description: MONEY }) dueToDate: string;
  @Field({ description: MONEY }) paid: string;
  @Field({ description: MONEY }) paidOnTime: string;
  @Field(() => String, {
    nullable: true,
    description: 'Paid / budgeted, percent with two decimals ("61.73").',
  })
  executionRate: string | null;
  @Field(() => String, { nullable: true, description: "Paid on time / due to date, percent." })
  onTimeRate: string | null;
  @Field() reason: string;
  @Field(() => [BudgetExecutionItemType]) items: BudgetExecutionItemType[];
}
