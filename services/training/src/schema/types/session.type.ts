import { PageInfoType } from "@grassroots/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { SessionView } from "../../domain/public-view";
import type { Audience, SessionStatus, TrainingKind, TrainingSession } from "../../domain/training";
import { ACTOR_ID, ACTOR_NAME } from "./actor-fields";
import { AudienceEnum, SessionStatusEnum, TrainingKindEnum } from "./enums";

@Directive('@key(fields: "id")')
@ObjectType("TrainingSession", {
  simpleResolvers: true,
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

@ObjectType("TrainingSessionEdge", { simpleResolvers: true })
export class TrainingSessionEdgeType {
  @Field() cursor: string;
  @Field(() => TrainingSessionType) node: TrainingSession;
}

@ObjectType("TrainingSessionConnection", {
  simpleResolvers: true,
  description: "Sessions, latest start first; page with first/after.",
})
export class TrainingSessionConnectionType {
  @Field(() => [TrainingSessionEdgeType]) edges: TrainingSessionEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}
