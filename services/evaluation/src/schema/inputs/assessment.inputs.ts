import { Field, ID, InputType, Int } from "type-graphql";

@InputType("AssessmentStepInput")
export class AssessmentStepInput {
  @Field(() => ID) assessmentId: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType("ManualScoreInput")
export class ManualScoreInput extends AssessmentStepInput {
  @Field() indicatorCode: string;
  @Field({ description: 'Out of the indicator\'s maximum ("8.5").' }) score: string;
  @Field(() => String, { nullable: true }) evidence?: string | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType("AssessmentAdjustmentInput")
export class AssessmentAdjustmentInput extends AssessmentStepInput {
  @Field() itemCode: string;
  @Field() points: string;
  @Field() reason: string;
}

@InputType("CorrectAssessmentInput")
export class CorrectAssessmentInput extends AssessmentStepInput {
  @Field() reason: string;
}

@InputType("PublishAssessmentResultsInput")
export class PublishAssessmentResultsInput {
  @Field(() => ID) schemeVersionId: string;
  @Field(() => String, { nullable: true, description: "Why, when publishing a correction." }) reason?:
    string | null;
}
