import { badInput, MAX_PAGE_SIZE } from "@grassroots/kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { AssignmentStatus } from "../../domain/assignment";
import type { PersonnelServices } from "../../domain/ports";
import type { StaffingResult } from "../../domain/staffing";
import type { GraphQLContext } from "../context";
import { loaders } from "../loaders";
import {
  decodeIdCursor,
  StatisticianConnectionType,
  unitStatisticianConnection,
} from "../types/connection.type";
import { OrgUnitRefType } from "../types/org-unit.type";
import { StaffingResultType } from "../types/staffing.type";

/** Personnel's fields on organization's OrgUnit. Both batch across units: one SQL query per request. */
@Resolver(() => OrgUnitRefType)
export class OrgUnitFields {
  constructor(private readonly services: PersonnelServices) {}

  @FieldResolver(() => StatisticianConnectionType, {
    nullable: true,
    description:
      "Statisticians with an ACTIVE post here (and, with includePending, posts waiting for pre-post training), by start date; " +
      "each edge carries the post. Null when personnel has not (yet) received this unit from organization.",
  })
  async statisticians(
    @Root() unit: OrgUnitRefType,
    @Ctx() ctx: GraphQLContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("includePending", () => Boolean, { nullable: true, defaultValue: false }) includePending?: boolean,
  ): Promise<StatisticianConnectionType | null> {
    // The area first (a unit outside it, or unknown here, is null), then the arguments.
    const l = loaders(ctx, this.services);
    if (!(await l.unit.load(unit.id))) return null;
    // Not checkPageSize: its fallback would take an explicit null, which this argument refuses.
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
      throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}; got ${first}.`, "first");
    const statuses: AssignmentStatus[] = includePending ? ["ACTIVE", "PENDING_TRAINING"] : ["ACTIVE"];
    const page = await l.unitStatisticians.load({
      orgUnitId: unit.id,
      statuses,
      first,
      afterId: decodeIdCursor("assignment", after),
    });
    return unitStatisticianConnection(page);
  }

  @FieldResolver(() => StaffingResultType, {
    nullable: true,
    description:
      "R3/R4 for this unit now. Null for a city or banner (no staffing rule), or a unit personnel does not (yet) know.",
  })
  staffing(@Root() unit: OrgUnitRefType, @Ctx() ctx: GraphQLContext): Promise<StaffingResult | null> {
    return loaders(ctx, this.services).staffing.load(unit.id);
  }
}
