import { readScope } from "@grassroots/kit";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { PersonnelServices } from "../../domain/ports";
import { bannerStaffing, getUnit } from "../../domain/queries";
import { evaluateStaffing, type StaffingResult } from "../../domain/staffing";
import type { GraphQLContext } from "../context";
import { BannerStaffingType, StaffingResultType, unitStaffingOf } from "../types/staffing.type";

@Resolver()
export class StaffingQueries {
  constructor(private readonly services: PersonnelServices) {}

  @Query(() => StaffingResultType, {
    nullable: true,
    description: "R3/R4 for one unit in your area (null for a city or banner).",
  })
  async staffing(
    @Arg("orgUnitId", () => ID) orgUnitId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StaffingResult | null> {
    const { units, staffing, settings } = this.services;
    const scope = await readScope(ctx);
    const unit = await getUnit(units, scope, orgUnitId);
    const [row] = await staffing.unitsWithCounts([unit.id], scope);
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
    const { staffing, settings } = this.services;
    const report = await bannerStaffing(staffing, await readScope(ctx), settings, bannerId, includeCompliant);
    return {
      banner: { id: report.banner.id },
      unitsEvaluated: report.unitsEvaluated,
      compliantUnits: report.compliantUnits,
      units: report.units.map((u) => unitStaffingOf(u.unit, u.staffing)),
    };
  }
}
