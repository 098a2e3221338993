import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { idsOnPath, type OrgUnit } from "../../domain/org-unit";
import type { OrganizationServices, RegisterCountEntry } from "../../domain/ports";
import { checkPageSize, searchOrgUnits } from "../../domain/queries";
import type { Assessment } from "../../domain/standardization";
import { requiresStatisticsPost } from "../../rules/r1-statistics-posts";
import { readScope, type GraphQLContext } from "../context";
import { loaders } from "../loaders";
import { decodeCodeCursor, OrgUnitConnectionType, toConnection } from "../types/connection.type";
import { OrgUnitType, RegisterCountEntryType, StatisticsPostType } from "../types/org-unit.type";
import { AssessmentType } from "../types/standardization.type";

/** Relations of a unit. Each goes through a per-request loader or a scoped query: never outside the caller's area. */
@Resolver(() => OrgUnitType)
export class OrgUnitFields {
  constructor(private readonly services: OrganizationServices) {}

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "Null for a city, or when the parent is outside your area.",
  })
  async parent(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<OrgUnit | null> {
    return unit.parentId ? loaders(ctx, this.services).unit.load(unit.parentId) : null;
  }

  @FieldResolver(() => [OrgUnitType], { description: "From the top of your area down to the parent." })
  async ancestors(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<OrgUnit[]> {
    const ids = idsOnPath(unit.path).slice(0, -1);
    const found = await loaders(ctx, this.services).unit.loadMany(ids);
    return found.filter((u): u is OrgUnit => !!u && !(u instanceof Error));
  }

  @FieldResolver(() => OrgUnitConnectionType)
  async children(
    @Root() unit: OrgUnit,
    @Ctx() ctx: GraphQLContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("includeInactive", () => Boolean, { nullable: true, defaultValue: false }) includeInactive?: boolean,
  ): Promise<OrgUnitConnectionType> {
    // The first page (the usual case in a tree: banners → townships) is batched across parents.
    if (!after)
      return toConnection(
        await loaders(ctx, this.services)
          .firstChildren(checkPageSize(first), !!includeInactive)
          .load(unit.id),
      );
    const page = await searchOrgUnits(this.services.units, await readScope(ctx), {
      parentId: unit.id,
      first,
      afterCode: decodeCodeCursor(after),
      includeInactive,
    });
    return toConnection(page);
  }

  @FieldResolver(() => StatisticsPostType)
  statisticsPost(@Root() unit: OrgUnit): StatisticsPostType {
    return {
      required: requiresStatisticsPost(unit.kind),
      established: unit.postEstablished,
      establishedOn: unit.postEstablishedOn,
    };
  }

  @FieldResolver(() => [RegisterCountEntryType], {
    description: "Every recorded count, latest business date first.",
  })
  registerHistory(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<RegisterCountEntry[]> {
    return loaders(ctx, this.services).registerHistory.load(unit.id);
  }

  @FieldResolver(() => AssessmentType, { nullable: true, description: "R2: the latest 八有八化 assessment." })
  standardization(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<Assessment | null> {
    return loaders(ctx, this.services).latestAssessment.load(unit.id);
  }
}
