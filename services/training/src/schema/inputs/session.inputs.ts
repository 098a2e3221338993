import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { Audience, SessionStatus, TrainingKind } from "../../domain/training";
import { AudienceEnum, SessionStatusEnum, TrainingKindEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

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
