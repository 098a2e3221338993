import { opt, readScope } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { OrgUnit } from "../../domain/org-unit";
import type { OrganizationServices } from "../../domain/ports";
import { getOrgUnit, getOrgUnitByCode, searchOrgUnits } from "../../domain/queries";
import type { GraphQLContext } from "../context";
import { OrgUnitFilterInput } from "../inputs/org-unit.inputs";
import { decodeCodeCursor, OrgUnitConnectionType, toConnection } from "../types/org-unit-connection.type";
import { OrgUnitType } from "../types/org-unit.type";

@Resolver()
export class OrgUnitQueries {
  constructor(private readonly services: OrganizationServices) {}

  @Query(() => OrgUnitType, { nullable: true, description: "A unit in your area; NOT_FOUND otherwise." })
  async orgUnit(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    return getOrgUnit(this.services.units, await readScope(ctx), id);
  }

  @Query(() => OrgUnitType, {
    nullable: true,
    description: "A unit in your area by its 12-digit code; NOT_FOUND otherwise.",
  })
  async orgUnitByCode(@Arg("code") code: string, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    return getOrgUnitByCode(this.services.units, await readScope(ctx), code);
  }

  @Query(() => OrgUnitConnectionType, {
    description: "Units in your area matching the filter, ordered by code.",
  })
  async orgUnits(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => OrgUnitFilterInput, { nullable: true }) filter?: OrgUnitFilterInput | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<OrgUnitConnectionType> {
    const page = await searchOrgUnits(this.services.units, await readScope(ctx), {
      nameContains: opt(filter?.nameContains),
      codePrefix: opt(filter?.codePrefix),
      kinds: opt(filter?.kinds),
      underId: opt(filter?.underId),
      includeInactive: opt(filter?.includeInactive),
      first,
      afterCode: decodeCodeCursor(after),
    });
    return toConnection(page);
  }
}
