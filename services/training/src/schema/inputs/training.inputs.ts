import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import type { Audience, SessionStatus, TrainingKind, TrainingResult } from "../../domain/training";
import { REQUEST_ID } from "./request-id";
import { AudienceEnum, ResultEnum, SessionStatusEnum, TrainingKindEnum } from "../types/enums";

@InputType("TrainingSessionFilter")
export class TrainingSessionFilterInput {
  @Field(() => Int, { nullable: true, description: "Sessions ending in this year." }) year?: number | null;
  @Field(() => [TrainingKindEnum], { nullable: true }) kinds?: TrainingKind[] | null;
  @Field(() => [SessionStatusEnum], { nullable: true }) statuses?: SessionStatus[] | null;
  @Field(() => ID, { nullable: true }) organizerUnitId?: string | null;
}

@InputType("PlanTrainingSessionInput")
export class PlanTrainingSessionInput {
  @Field(() => ID, { description: "The city bureau (CITY) or a banner/district bureau (BANNER, DISTRICT)." })
  organizerUnitId: string;
  @Field(() => TrainingKindEnum) kind: TrainingKind;
  @Field() title: string;
  @Field(() => AudienceEnum) audience: Audience;
  @Field(() => LocalDateResolver) startDate: string;
  @Field(() => LocalDateResolver) endDate: string;
  @Field(() => Int, { description: "Teaching hours, 1–200." }) hours: number;
  @Field(() => String, { nullable: true, description: "Required unless online." }) place?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) online?: boolean | null;
  @Field(() => Int, { description: "Places, 1–2000." }) capacity: number;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("TrainingSessionStepInput")
export class TrainingSessionStepInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("CancelTrainingSessionInput")
export class CancelTrainingSessionInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field() reason: string;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

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
