import { PageInfoType } from "@grassroots/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type {
  Audience,
  Certificate,
  EnrollmentStatus,
  SessionStatus,
  TrainingKind,
  TrainingResult,
  TrainingSession,
} from "../../domain/training";
import type { CertificateView, EnrollmentView, SessionView } from "../../domain/public-view";
import { AudienceEnum, EnrollmentStatusEnum, ResultEnum, SessionStatusEnum, TrainingKindEnum } from "./enums";

/** Beside every step: who did it (the account) and their name then. Both null in a public view. */
const ACTOR_ID = "The account (token subject) that did this step; null in a public view.";
const ACTOR_NAME =
  "The display name of whoever did this step, as their token carried it then (the account when it carried none); " +
  "null for steps recorded before names were kept, and in a public view.";

@Directive('@key(fields: "id")')
@ObjectType("TrainingSession", {
  description: "A training session of the city bureau or a banner/district bureau (R6, R7).",
})
export class TrainingSessionType implements Partial<SessionView> {
  @Field(() => ID) id: string;
  @Field(() => ID) organizerUnitId: string;
  @Field(() => TrainingKindEnum) kind: TrainingKind;
  @Field() title: string;
  @Field(() => AudienceEnum) audience: Audience;
  @Field(() => LocalDateResolver) startDate: string;
  @Field(() => LocalDateResolver, { description: "A session counts for R6 in the year of its end date." })
  endDate: string;
  @Field(() => Int) hours: number;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field() online: boolean;
  @Field(() => Int) capacity: number;
  @Field(() => SessionStatusEnum) status: SessionStatus;
  @Field(() => String, { nullable: true, description: ACTOR_ID }) plannedBy: string | null;
  @Field(() => String, { nullable: true, description: ACTOR_NAME }) plannedByName: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) openedAt: Date | null;
  @Field(() => String, { nullable: true, description: ACTOR_ID }) openedBy: string | null;
  @Field(() => String, { nullable: true, description: ACTOR_NAME }) openedByName: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt: Date | null;
  @Field(() => String, { nullable: true, description: ACTOR_ID }) completedBy: string | null;
  @Field(() => String, { nullable: true, description: ACTOR_NAME }) completedByName: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true, description: ACTOR_ID }) cancelledBy: string | null;
  @Field(() => String, { nullable: true, description: ACTOR_NAME }) cancelledByName: string | null;
  @Field(() => String, { nullable: true }) cancellationReason: string | null;
  @Field(() => Int, {
    description: "Optimistic-lock version: send it back as expectedVersion when changing the session.",
  })
  version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@Directive('@key(fields: "id")')
@ObjectType("TrainingEnrollment", {
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

@Directive('@key(fields: "id")')
@ObjectType("TrainingCertificate", {
  description: "R7: a pre-post training certificate, numbered per organizer and year.",
})
export class TrainingCertificateType implements Partial<CertificateView> {
  @Field(() => ID) id: string;
  @Field({ description: "<organizer code>-<year>-<sequence>, unique per organizer and year." })
  number: string;
  @Field(() => ID) statisticianId: string;
  @Field(() => ID) sessionId: string;
  @Field(() => ID) organizerUnitId: string;
  @Field(() => Int) year: number;
  @Field(() => LocalDateResolver, { description: "The session's end date." }) completedOn: string;
  @Field(() => GraphQLISODateTime) issuedAt: Date;
  @Field(() => String, { nullable: true, description: ACTOR_ID }) issuedBy: string | null;
  @Field(() => String, { nullable: true, description: ACTOR_NAME }) issuedByName: string | null;
}

@ObjectType("PrePostTraining", { description: "R7: whether the person holds a completed pre-post training." })
export class PrePostTrainingType {
  @Field() completed: boolean;
  @Field(() => LocalDateResolver, { nullable: true }) completedOn: string | null;
  @Field(() => TrainingCertificateType, { nullable: true, description: "The latest certificate." })
  certificate: Certificate | null;
}

@ObjectType("TrainingSessionEdge")
export class TrainingSessionEdgeType {
  @Field() cursor: string;
  @Field(() => TrainingSessionType) node: TrainingSession;
}

@ObjectType("TrainingSessionConnection", {
  description: "Sessions, latest start first; page with first/after.",
})
export class TrainingSessionConnectionType {
  @Field(() => [TrainingSessionEdgeType]) edges: TrainingSessionEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}
