import { Field, ID, InputType, Int } from "type-graphql";
import type { FilingStatus } from "../../domain/filing";
import { FilingStatusEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

@InputType("FilingStepInput")
export class FilingStepInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) filingId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true, description: "A note kept in the filing's history." }) note?:
    string | null;
}

@InputType("ReturnFilingInput")
export class ReturnFilingInput {
  @Field({ description: REQUEST_ID }) requestId: string;
  @Field(() => ID) filingId: string;
  @Field(() => Int) expectedVersion: number;
  @Field({ description: "Why the bureau returns it: what the unit must correct." }) reason: string;
}

@InputType("FilingFilter")
export class FilingFilterInput {
  @Field(() => [FilingStatusEnum], { nullable: true }) statuses?: FilingStatus[] | null;
  @Field(() => ID, { nullable: true }) bannerId?: string | null;
  @Field(() => ID, { nullable: true, description: "Filings of this unit and the units below it." })
  orgUnitId?: string | null;
  @Field(() => ID, { nullable: true }) statisticianId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Only filings not filed within FILING_DUE_DAYS.",
  })
  overdueOnly?: boolean | null;
}
