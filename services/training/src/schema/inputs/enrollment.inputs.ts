import { Field, Float, ID, InputType, Int } from "type-graphql";
import type { TrainingResult } from "../../domain/training";
import { ResultEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

@InputType("EnrollInTrainingSessionInput")
export class EnrollInput {
  @Field(() => ID) sessionId: string;
  @Field(() => ID) statisticianId: string;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("WithdrawTrainingEnrollmentInput")
export class WithdrawInput {
  @Field(() => ID) enrollmentId: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("TrainingResultRowInput")
export class TrainingResultRowInput {
  @Field(() => ID) statisticianId: string;
  @Field(() => Float, { description: "Hours attended, at most the session's hours, one decimal." })
  hoursAttended: number;
  @Field(() => ResultEnum) result: TrainingResult;
  @Field(() => Float, {
    nullable: true,
    description: "0–100, where the session is examined; none for ABSENT.",
  })
  score?: number | null;
}

@InputType("RecordTrainingResultInput")
export class RecordResultInput extends TrainingResultRowInput {
  @Field(() => ID) sessionId: string;
  @Field(() => Int, {
    nullable: true,
    description: "The enrolment's version when correcting a recorded result.",
  })
  expectedVersion?: number | null;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("RecordTrainingResultsInput", {
  description: "A whole session's upload: all rows are written, or none.",
})
export class RecordResultsInput {
  @Field(() => ID) sessionId: string;
  @Field(() => [TrainingResultRowInput]) rows: TrainingResultRowInput[];
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}
