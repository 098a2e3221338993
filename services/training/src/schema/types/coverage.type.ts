import { Cacheable } from "@grassroots/kit";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { OrgUnitRef } from "../../domain/directory";
import type { TrainingSession } from "../../domain/training";
import { OrgUnitType } from "./org-unit.type";
import { TrainingSessionType } from "./session.type";

@Cacheable("summary")
@ObjectType("BannerTrainingCoverage", {
  simpleResolvers: true,
  description:
    "R6 for one banner/district: staff = people with a post in force on asOf inside it; attended = those of them with a PASSED or " +
    "FAILED result at a COMPLETED session of the year organised by the city (COMPREHENSIVE) or by this banner's bureau.",
})
export class BannerTrainingCoverageType {
  @Field(() => OrgUnitType) banner: OrgUnitRef;
  @Field(() => Int) staff: number;
  @Field(() => Int) attended: number;
  @Field(() => Float, {
    nullable: true,
    description: "attended / staff (4 decimals), null when there is no staff.",
  })
  rate: number | null;
  @Field(() => Int, { description: "Sessions of the banner's own bureau COMPLETED in the year." })
  ownSessionsCompleted: number;
}

@Cacheable("summary")
@ObjectType("TrainingCoverage", {
  simpleResolvers: true,
  description: "R6: the city's yearly comprehensive training and each banner's coverage.",
})
export class TrainingCoverageType {
  @Field(() => Int) year: number;
  @Field(() => LocalDateResolver, {
    description: "31 December, or today for the current year: the day staff are counted on.",
  })
  asOf: string;
  @Field({
    description: "The city bureau COMPLETED at least one COMPREHENSIVE session for BANNER_STAFF in the year.",
  })
  cityObligationMet: boolean;
  @Field(() => [TrainingSessionType]) cityComprehensiveSessions: TrainingSession[];
  @Field(() => [BannerTrainingCoverageType]) banners: BannerTrainingCoverageType[];
}
