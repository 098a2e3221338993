import { Field, ID, Int, ObjectType } from "type-graphql";
import { CommendationKindEnum, CommendationStatusEnum } from "./enums";
import { OrgUnitType } from "./org-unit.type";
import { StatisticianType } from "./statistician.type";

@ObjectType("Commendation", { description: "R12: a commendation (先进单位 / 先进个人) of a year." })
export class CommendationType {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field(() => CommendationKindEnum) kind: string;
  @Field(() => OrgUnitType, { description: "The nominating banner." }) banner: { id: string };
  @Field(() => OrgUnitType, { description: "The unit commended, or where the person holds their post." })
  unit: { id: string };
  @Field(() => StatisticianType, { nullable: true }) statistician: { id: string } | null;
  @Field(() => ID, { nullable: true, description: "The published assessment a unit was nominated from." })
  assessmentId: string | null;
  @Field() citation: string;
  @Field(() => CommendationStatusEnum) status: string;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType("CommendationQuota", {
  description: "A banner's quota of a year and kind: a number, or a share of its units or staff.",
})
export class CommendationQuotaType {
  @Field(() => Int) year: number;
  @Field(() => OrgUnitType) banner: { id: string };
  @Field(() => CommendationKindEnum) kind: string;
  @Field(() => Int, { nullable: true }) maxCount: number | null;
  @Field(() => String, { nullable: true, description: 'Percent ("15.00").' }) maxSharePercent: string | null;
  @Field(() => Int) version: number;
}
