import { Cacheable } from "@grassroots/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, Int, ObjectType } from "type-graphql";
import type { OrgUnit, OrgUnitKind } from "../../domain/org-unit";
import { OrgUnitKindEnum } from "./enums";
import { OrgUnitType } from "./org-unit.type";

@Cacheable("summary")
@ObjectType("KindPostCoverage", { simpleResolvers: true })
export class KindPostCoverageType {
  @Field(() => OrgUnitKindEnum) kind: OrgUnitKind;
  @Field(() => Int) established: number;
  @Field(() => Int) total: number;
  @Field(() => Float, { nullable: true, description: "established / total, null when total is 0." }) rate:
    number | null;
}

@Cacheable("summary")
@ObjectType("BannerPostCoverage", {
  simpleResolvers: true,
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
  simpleResolvers: true,
  description:
    "R2 per banner as of a date: active township-level units (SUBDISTRICT, TOWN, TOWNSHIP, SUMU), those assessed, " +
    "those whose latest assessment is STANDARDIZED, completion rate (standardized / townships), those recognised; " +
    "and item-level progress: items MET over items rated in the latest assessment of each assessed township.",
})
export class BannerStandardizationType {
  @Field(() => OrgUnitType) banner: OrgUnit;
  @Field(() => LocalDateResolver) asOf: string;
  @Field(() => Int) townships: number;
  @Field(() => Int) assessed: number;
  @Field(() => Int) standardized: number;
  @Field(() => Float, { nullable: true }) completionRate: number | null;
  @Field(() => Int) recognized: number;
  @Field(() => Int, {
    description: "Items MET, summed over the latest assessment (as of asOf) of each assessed township.",
  })
  itemsMet: number;
  @Field(() => Int, {
    description: "Items rated in those assessments (every item of each one's standard version).",
  })
  itemsAssessed: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "itemsMet / itemsAssessed, 4 decimals like the other rates (15 of 16 items: 0.9375); null when no township " +
      "is assessed.",
  })
  itemShare: number | null;
}
