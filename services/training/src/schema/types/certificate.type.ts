import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { CertificateView } from "../../domain/public-view";
import type { Certificate } from "../../domain/training";
import { ACTOR_ID, ACTOR_NAME } from "./actor-fields";

@Directive('@key(fields: "id")')
@ObjectType("TrainingCertificate", {
  simpleResolvers: true,
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

@ObjectType("PrePostTraining", {
  simpleResolvers: true,
  description: "R7: whether the person holds a completed pre-post training.",
})
export class PrePostTrainingType {
  @Field() completed: boolean;
  @Field(() => LocalDateResolver, { nullable: true }) completedOn: string | null;
  @Field(() => TrainingCertificateType, { nullable: true, description: "The latest certificate." })
  certificate: Certificate | null;
}
