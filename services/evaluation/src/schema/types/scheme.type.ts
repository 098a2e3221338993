import { Field, ID, Int, ObjectType } from "type-graphql";
import { AdjustmentKindEnum, IndicatorKindEnum, ScoringFunctionEnum } from "./enums";
import { OrgUnitType } from "./org-unit.type";

@ObjectType("ScoringBand", {
  description: "A STEP band [from, to) earning `percent` of the weight (the last band includes `to`).",
})
export class ScoringBandType {
  @Field() from: string;
  @Field() to: string;
  @Field() percent: string;
}

@ObjectType("IndicatorScoring", { description: "How an AUTO indicator turns its metric into points." })
export class IndicatorScoringType {
  @Field(() => ScoringFunctionEnum) function: string;
  @Field(() => String, { nullable: true }) lower: string | null;
  @Field(() => String, { nullable: true }) upper: string | null;
  @Field(() => [ScoringBandType]) bands: ScoringBandType[];
  @Field(() => String, { nullable: true, description: "Points taken per occurrence (DEDUCTION)." })
  perOccurrence: string | null;
  @Field(() => String, { nullable: true, description: "The fewest points a DEDUCTION indicator earns." })
  floor: string | null;
}

@ObjectType("SchemeIndicator")
export class SchemeIndicatorType {
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'Weight in points ("33.30"); a scheme\'s weights add up to exactly 100.' })
  weight: string;
  @Field(() => IndicatorKindEnum) kind: string;
  @Field(() => String, { nullable: true }) maxScore: string | null;
  @Field(() => String, { nullable: true }) guide: string | null;
  @Field(() => Boolean, { nullable: true }) evidenceRequired: boolean | null;
  @Field(() => String, { nullable: true, description: "The catalogue metric of an AUTO indicator." }) metric:
    string | null;
  @Field(() => IndicatorScoringType, { nullable: true }) scoring: IndicatorScoringType | null;
}

@ObjectType("SchemeAdjustmentItem", { description: "A bonus (加分) or deduction (扣分) item and its cap." })
export class SchemeAdjustmentItemType {
  @Field() code: string;
  @Field() name: string;
  @Field(() => AdjustmentKindEnum) kind: string;
  @Field() cap: string;
}

@ObjectType("GradeBand")
export class GradeBandType {
  @Field() grade: string;
  @Field() minScore: string;
}

@ObjectType("AssessmentScheme", {
  description:
    "R12: one version of an assessment scheme (a scheme in use is never edited: a change is its next version).",
})
export class AssessmentSchemeType {
  @Field(() => ID, { description: "This version's id." }) id: string;
  @Field(() => ID, { description: "The scheme's id, the same for all its versions." }) schemeId: string;
  @Field(() => Int) version: number;
  @Field() name: string;
  @Field(() => Int) year: number;
  @Field(() => OrgUnitType) owner: { id: string };
  @Field(() => [String]) subjectKinds: string[];
  @Field({
    description: "AUTO indicators are frozen from the metrics as they stood at the end of this date.",
  })
  cutOffDate: string;
  @Field({ description: "A sample scheme (seeded), not the bureau's own." }) isSample: boolean;
  @Field(() => [SchemeIndicatorType]) indicators: SchemeIndicatorType[];
  @Field(() => [SchemeAdjustmentItemType]) adjustments: SchemeAdjustmentItemType[];
  @Field(() => [GradeBandType]) grades: GradeBandType[];
  @Field() createdByName: string;
  @Field() createdAt: Date;
}

@ObjectType("AssessmentMetric", {
  description: "A metric of R12's catalogue, computed from the rule status projection.",
})
export class AssessmentMetricType {
  @Field() metric: string;
  @Field() about: string;
  @Field(() => [String]) rules: string[];
  @Field({ description: "SHARE: percent of the subtree's results MET; COUNT: results NOT_MET." })
  measure: string;
}

@ObjectType("MetricFigures", { description: "The subtree's results behind a metric value." })
export class MetricFiguresType {
  @Field(() => Int) met: number;
  @Field(() => Int) notMet: number;
  @Field(() => Int) unknown: number;
  @Field(() => Int) notApplicable: number;
}

@ObjectType("MetricValue")
export class MetricValueType {
  @Field() metric: string;
  @Field({ description: 'Percent ("85.50") for a SHARE, a count ("3.00") for a COUNT.' }) value: string;
  @Field(() => MetricFiguresType) figures: MetricFiguresType;
}
