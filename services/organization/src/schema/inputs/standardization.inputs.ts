import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { ItemGroup, ItemStatus } from "../../domain/standardization";
import { ItemGroupEnum, ItemStatusEnum } from "../types/enums";

@InputType("AssessmentItemInput")
export class AssessmentItemInput {
  @Field() itemCode: string;
  @Field(() => ItemStatusEnum) status: ItemStatus;
  @Field({ defaultValue: "" }) evidence: string;
}

@InputType("RecordStandardizationAssessmentInput", {
  description: "Every item of the standard version exactly once.",
})
export class RecordAssessmentInput {
  @Field(() => ID) orgUnitId: string;
  @Field() standardCode: string;
  @Field(() => Int) standardVersion: number;
  @Field(() => LocalDateResolver) assessedOn: string;
  @Field(() => [AssessmentItemInput]) items: AssessmentItemInput[];
}

@InputType("RecognizeStandardizationInput")
export class RecognizeInput {
  @Field(() => ID) assessmentId: string;
  @Field(() => Int) batch: number;
  @Field(() => Int) year: number;
}

@InputType("StandardItemInput")
export class StandardItemInput {
  @Field(() => ItemGroupEnum) group: ItemGroup;
  @Field() code: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType("DefineStandardizationStandardInput", {
  description: "Adds the next version of the standard with this code.",
})
export class DefineStandardInput {
  @Field() code: string;
  @Field() title: string;
  @Field() source: string;
  @Field(() => LocalDateResolver) effectiveFrom: string;
  @Field({ defaultValue: false }) isSample: boolean;
  @Field(() => [StandardItemInput]) items: StandardItemInput[];
}
