import { opt } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { Filing } from "../../domain/filing";
import type { PersonnelServices } from "../../domain/ports";
import {
  bannerStaffing,
  getFiling,
  getStatistician,
  getUnit,
  searchFilings,
  searchStatisticians,
} from "../../domain/queries";
import { evaluateStaffing, type StaffingResult } from "../../domain/staffing";
import type { Statistician } from "../../domain/statistician";
import { readScope, type GraphQLContext } from "../context";
import { FilingFilterInput, StatisticianFilterInput } from "../inputs/inputs";
import {
  filingConnection,
  FilingConnectionType,
  statisticianConnection,
  StatisticianConnectionType,
} from "../types/connection.type";
import { FilingType } from "../types/filing.type";
import { BannerStaffingType, StaffingResultType, unitStaffingOf } from "../types/staffing.type";
import { StatisticianType } from "../types/statistician.type";

@Resolver()
export class PersonnelQueries {
  constructor(private readonly services: PersonnelServices) {}

  @Query(() => StatisticianType, {
    nullable: true,
    description: "A person registered or posted in your area; NOT_FOUND otherwise.",
  })
  async statistician(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Statistician> {
    return getStatistician(this.services.reads, await readScope(ctx), id);
  }

  @Query(() => StatisticianConnectionType, {
    description: "People registered or posted in your area, by name.",
  })
  async statisticians(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => StatisticianFilterInput, { nullable: true }) filter?: StatisticianFilterInput | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<StatisticianConnectionType> {
    const page = await searchStatisticians(this.services.reads, await readScope(ctx), {
      nameContains: opt(filter?.nameContains),
      orgUnitId: opt(filter?.orgUnitId),
      includeSample: opt(filter?.includeSample),
      first,
      after,
    });
    return statisticianConnection(page);
  }

  @Query(() => FilingType, {
    nullable: true,
    description: "A filing of a unit in your area; NOT_FOUND otherwise.",
  })
  async filing(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Filing> {
    return getFiling(this.services.reads, await readScope(ctx), id);
  }

  @Query(() => FilingConnectionType, {
    description: "R5: filings of units in your area, oldest submission first.",
  })
  async filings(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => FilingFilterInput, { nullable: true }) filter?: FilingFilterInput | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<FilingConnectionType> {
    const { reads, settings, clock } = this.services;
    const page = await searchFilings(reads, await readScope(ctx), settings, clock.today(), {
      statuses: opt(filter?.statuses),
      bannerId: opt(filter?.bannerId),
      orgUnitId: opt(filter?.orgUnitId),
      statisticianId: opt(filter?.statisticianId),
      overdueOnly: opt(filter?.overdueOnly),
      first,
      after,
    });
    return filingConnection(page);
  }

  @Query(() => FilingConnectionType, {
    description:
      "R5: filings in your area not filed within FILING_DUE_DAYS of submission (returned ones included), oldest first.",
  })
  async overdueFilings(
    @Ctx() ctx: GraphQLContext,
    @Arg("bannerId", () => ID, { nullable: true }) bannerId?: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<FilingConnectionType> {
    const { reads, settings, clock } = this.services;
    const page = await searchFilings(reads, await readScope(ctx), settings, clock.today(), {
      bannerId: opt(bannerId),
      overdueOnly: true,
      first,
      after,
    });
    return filingConnection(page);
  }

  @Query(() => StaffingResultType, {
    nullable: true,
    description: "R3/R4 for one unit in your area (null for a city or banner).",
  })
  async staffing(
    @Arg("orgUnitId", () => ID) orgUnitId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StaffingResult | null> {
    const { reads, settings } = this.services;
    const scope = await readScope(ctx);
    const unit = await getUnit(reads, scope, orgUnitId);
    const [row] = await reads.unitsWithCounts([unit.id], scope);
    return evaluateStaffing(unit, row?.counts, settings.thresholds);
  }

  @Query(() => BannerStaffingType, {
    description:
      "R3/R4 gaps of every unit of a banner in your area, in code order, from a fixed number of SQL queries " +
      "whatever the banner's size. includeCompliant lists every unit.",
  })
  async staffingGaps(
    @Arg("bannerId", () => ID) bannerId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("includeCompliant", () => Boolean, { nullable: true, defaultValue: false })
    includeCompliant: boolean,
  ): Promise<BannerStaffingType> {
    const { reads, settings } = this.services;
    const report = await bannerStaffing(reads, await readScope(ctx), settings, bannerId, includeCompliant);
    return {
      banner: { id: report.banner.id },
      unitsEvaluated: report.unitsEvaluated,
      compliantUnits: report.compliantUnits,
      units: report.units.map((u) => unitStaffingOf(u.unit, u.staffing)),
    };
  }
}
