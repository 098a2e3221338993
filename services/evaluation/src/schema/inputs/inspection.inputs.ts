import { REQUEST_ID } from "./request-id";
import { Field, ID, InputType, Int } from "type-graphql";
import { InspectionKindEnum, SeverityEnum } from "../types/enums";

@InputType("FindingInput")
export class FindingInput {
  @Field() category: string;
  @Field(() => SeverityEnum) severity: "MINOR" | "MAJOR" | "SERIOUS";
  @Field(() => String, { nullable: true, description: 'The rule it concerns ("R3.township-staffing").' })
  rule?: string | null;
  @Field() description: string;
  @Field({ description: "Rectification deadline, on or after the inspection date." }) deadline: string;
  @Field(() => ID) responsibleUnitId: string;
}

@InputType("RecordInspectionInput")
export class RecordInspectionInput {
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string;
  @Field(() => ID) inspectedUnitId: string;
  @Field() inspectionDate: string;
  @Field(() => InspectionKindEnum) kind:
    "GOVERNMENT_SUPERVISION" | "BUSINESS_ASSESSMENT" | "DAILY_SUPERVISION";
  @Field({ description: "The inspector or bureau, by name." }) inspector: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => [FindingInput], { defaultValue: [] }) findings: FindingInput[];
}

@InputType("SubmitRectificationInput")
export class SubmitRectificationInput {
  @Field(() => ID) findingId: string;
  @Field() measures: string;
  @Field() evidence: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType("DecideRectificationInput")
export class DecideRectificationInput {
  @Field(() => ID) findingId: string;
  @Field() accept: boolean;
  @Field(() => String, { nullable: true, description: "Required to reject." }) reason?: string | null;
  @Field(() => Int) expectedVersion: number;
}
