import { REQUEST_ID } from "./request-id";
import { Field, ID, InputType, Int } from "type-graphql";
import { CommendationKindEnum } from "../types/enums";

@InputType("CommendationQuotaInput")
export class CommendationQuotaInput {
  @Field(() => Int) year: number;
  @Field(() => ID) bannerUnitId: string;
  @Field(() => CommendationKindEnum) kind: "UNIT" | "INDIVIDUAL";
  @Field(() => Int, { nullable: true }) maxCount?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'A share of the banner\'s units or staff, percent ("15").',
  })
  maxSharePercent?: string | null;
}

@InputType("NominationInput")
export class NominationInput {
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string;
  @Field(() => Int) year: number;
  @Field(() => ID) bannerUnitId: string;
  @Field(() => CommendationKindEnum) kind: "UNIT" | "INDIVIDUAL";
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => ID, { nullable: true }) statisticianId?: string | null;
  @Field() citation: string;
}

@InputType("DecideCommendationInput")
export class DecideCommendationInput {
  @Field(() => ID) commendationId: string;
  @Field() approve: boolean;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => Int) expectedVersion: number;
}
