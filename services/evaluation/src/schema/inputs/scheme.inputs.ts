import { REQUEST_ID } from "./request-id";
import { Field, ID, InputType, Int } from "type-graphql";
import { AdjustmentKindEnum, IndicatorKindEnum, ScoringFunctionEnum } from "../types/enums";

@InputType("ScoringBandInput")
export class ScoringBandInput {
  @Field() from: string;
  @Field() to: string;
  @Field({ description: "Percent of the indicator's weight earned in the band." }) percent: string;
}

@InputType("IndicatorScoringInput")
export class IndicatorScoringInput {
  @Field(() => ScoringFunctionEnum) function: "LINEAR" | "STEP" | "DEDUCTION";
  @Field(() => String, { nullable: true }) lower?: string | null;
  @Field(() => String, { nullable: true }) upper?: string | null;
  @Field(() => [ScoringBandInput], { nullable: true }) bands?: ScoringBandInput[] | null;
  @Field(() => String, { nullable: true }) perOccurrence?: string | null;
  @Field(() => String, { nullable: true }) floor?: string | null;
}

@InputType("SchemeIndicatorInput")
export class SchemeIndicatorInput {
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'Decimal points, at most two places ("33.3"); all weights add up to exactly 100.' })
  weight: string;
  @Field(() => IndicatorKindEnum) kind: "MANUAL" | "AUTO";
  @Field(() => String, { nullable: true, description: "MANUAL: the maximum score." }) maxScore?:
    string | null;
  @Field(() => String, { nullable: true, description: "MANUAL: the scoring guide." }) guide?: string | null;
  @Field(() => Boolean, { nullable: true, description: "MANUAL: evidence required (default true)." })
  evidenceRequired?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: "AUTO: a metric of the catalogue (assessmentMetrics).",
  })
  metric?: string | null;
  @Field(() => IndicatorScoringInput, { nullable: true }) scoring?: IndicatorScoringInput | null;
}

@InputType("SchemeAdjustmentItemInput")
export class SchemeAdjustmentItemInput {
  @Field() code: string;
  @Field() name: string;
  @Field(() => AdjustmentKindEnum) kind: "BONUS" | "DEDUCTION";
  @Field() cap: string;
}

@InputType("GradeBandInput")
export class GradeBandInput {
  @Field() grade: string;
  @Field() minScore: string;
}

@InputType("SchemeDefinitionInput")
export class SchemeDefinitionInput {
  @Field() name: string;
  @Field(() => Int) year: number;
  @Field(() => [String], {
    description: "Kinds of the units assessed (BANNER, DISTRICT for the city's scheme).",
  })
  subjectKinds: string[];
  @Field() cutOffDate: string;
  @Field(() => [SchemeIndicatorInput]) indicators: SchemeIndicatorInput[];
  @Field(() => [SchemeAdjustmentItemInput], { nullable: true }) adjustments?:
    SchemeAdjustmentItemInput[] | null;
  @Field(() => [GradeBandInput], { nullable: true }) grades?: GradeBandInput[] | null;
}

@InputType("DefineAssessmentSchemeInput")
export class DefineAssessmentSchemeInput extends SchemeDefinitionInput {
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string;
  @Field(() => ID) ownerUnitId: string;
}

@InputType("ReviseAssessmentSchemeInput")
export class ReviseAssessmentSchemeInput extends SchemeDefinitionInput {
  @Field(() => ID) schemeId: string;
  @Field(() => Int, { description: "The latest version you edited." }) expectedVersion: number;
}
