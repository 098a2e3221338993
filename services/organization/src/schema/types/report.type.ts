import { Cacheable } from "@grassroots/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, Int, ObjectType } from "type-graphql";
import type { OrgUnit, OrgUnitKind } from "../../domain/org-unit";
import { OrgUnitKindEnum } from "./enums";
import { OrgUnitType } from "./org-unit.type";

@Cacheable("summary")
@ObjectType("KindPostCoverage")
export class KindPostCoverageType {
  @Field(() => OrgUnitKindEnum) kind: OrgUnitKind;
  @Field(() => Int) established: number;
  @Field(() => Int) total: number;
  @Field(() => Float, { nullable: true, description: "established / total, null when total is 0." }) rate:
    number | null;
}

@Cacheable("summary")
@ObjectType("BannerPostCoverage", {
  description:
    "R1: active units that need a statistics post (township and village level, parks) and how many have one.",
})
export class BannerPostCoverageType {
  @Field(() => OrgUnitType) banner: OrgUnit;
  @Field(() => [KindPostCoverageType]) byKind: KindPostCoverageType[];
  @Field(() => Int) established: number;
  @Field(() => Int) total: number;
  @Field(() => Float, { nullable: true }) rate: number | null;
}

@ObjectType("BannerStandardizationSummary", {
  description:
    "R2 per banner as of a date: active township-level units (SUBDISTRICT, TOWN, TOWNSHIP, SUMU), those assessed, " +
    "those whose latest assessment is STANDARDIZED, completion rate (standardized / townships), those recognised.",
})
export class BannerStandardizationType {
  @Field(() => OrgUnitType) banner: OrgUnit;
  @Field(() => LocalDateResolver) asOf: string;
  @Field(() => Int) townships: number;
  @Field(() => Int) assessed: number;
  @Field(() => Int) standardized: number;
  @Field(() => Float, { nullable: true }) completionRate: number | null;
  @Field(() => Int) recognized: number;
}
