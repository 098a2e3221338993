import { Directive, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { EnrollmentView } from "../../domain/public-view";
import type { EnrollmentStatus, TrainingResult } from "../../domain/training";
import { ACTOR_ID, ACTOR_NAME } from "./actor-fields";
import { EnrollmentStatusEnum, ResultEnum } from "./enums";

@Directive('@key(fields: "id")')
@ObjectType("TrainingEnrollment", {
  simpleResolvers: true,
  description: "A statistician in a session, with attendance and result once recorded.",
})
export class TrainingEnrollmentType implements Partial<EnrollmentView> {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field(() => ID) statisticianId: string;
  @Field(() => EnrollmentStatusEnum) status: EnrollmentStatus;
  @Field(() => GraphQLISODateTime) enrolledAt: Date;
  @Field(() => String, { nullable: true, description: ACTOR_ID }) enrolledBy: string | null;
  @Field(() => String, { nullable: true, description: ACTOR_NAME }) enrolledByName: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true, description: ACTOR_ID }) withdrawnBy: string | null;
  @Field(() => String, { nullable: true, description: ACTOR_NAME }) withdrawnByName: string | null;
  @Field(() => String, { nullable: true }) withdrawalReason: string | null;
  @Field(() => Float, { nullable: true, description: "Hours attended (one decimal); null until recorded." })
  hoursAttended: number | null;
  @Field(() => ResultEnum, { nullable: true }) result: TrainingResult | null;
  @Field(() => Float, { nullable: true, description: "Exam score 0–100 where the session is examined." })
  score: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) resultRecordedAt: Date | null;
  @Field(() => String, { nullable: true, description: ACTOR_ID }) resultRecordedBy: string | null;
  @Field(() => String, { nullable: true, description: ACTOR_NAME }) resultRecordedByName: string | null;
  @Field(() => Int) version: number;
}
