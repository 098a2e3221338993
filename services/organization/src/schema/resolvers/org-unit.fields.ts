import { checkPageSize, readScope } from "@grassroots/kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { idsOnPath, type OrgUnit } from "../../domain/org-unit";
import type { OrganizationServices, Page, RegisterCountEntry } from "../../domain/ports";
import { isPublicView } from "../../domain/public-view";
import { searchOrgUnits } from "../../domain/queries";
import type { Assessment } from "../../domain/standardization";
import { requiresStatisticsPost } from "../../rules/r1-statistics-posts";
import type { GraphQLContext } from "../context";
import { loaders } from "../loaders";
import { decodeCodeCursor, OrgUnitConnectionType, toConnection } from "../types/org-unit-connection.type";
import { OrgUnitType, RegisterCountEntryType, StatisticsPostType } from "../types/org-unit.type";
import { AssessmentType } from "../types/assessment.type";

const NO_CHILDREN: Page<OrgUnit> = { items: [], hasNextPage: false, totalCount: 0 };

/**
 * Relations of a unit. Each goes through a per-request loader or a scoped query: never outside the
 * caller's area. A unit reached by reference from outside the area (its public view) has none.
 */
@Resolver(() => OrgUnitType)
export class OrgUnitFields {
  constructor(private readonly services: OrganizationServices) {}

  @FieldResolver(() => Boolean, {
    description:
      "False when this unit was reached by reference from outside your area: only its public identity fields are shown (id, code, name, kind, depth, parentId, active); its work data is null or empty.",
  })
  inYourArea(@Root() unit: OrgUnit): boolean {
    return !isPublicView(unit);
  }

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "Null for a city, or when the parent is outside your area.",
  })
  async parent(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<OrgUnit | null> {
    if (!unit.parentId || isPublicView(unit)) return null;
    return loaders(ctx, this.services).unit.load(unit.parentId);
  }

  @FieldResolver(() => [OrgUnitType], {
    description: "From the top of your area down to the parent (empty outside your area).",
  })
  async ancestors(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<OrgUnit[]> {
    if (isPublicView(unit)) return [];
    const ids = idsOnPath(unit.path).slice(0, -1);
    const found = await loaders(ctx, this.services).unit.loadMany(ids);
    return found.filter((u): u is OrgUnit => !!u && !(u instanceof Error));
  }

  @FieldResolver(() => OrgUnitConnectionType, { description: "Empty for a unit outside your area." })
  async children(
    @Root() unit: OrgUnit,
    @Ctx() ctx: GraphQLContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("includeInactive", () => Boolean, { nullable: true, defaultValue: false }) includeInactive?: boolean,
  ): Promise<OrgUnitConnectionType> {
    if (isPublicView(unit)) return toConnection(NO_CHILDREN);
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

  @FieldResolver(() => StatisticsPostType, {
    nullable: true,
    description:
      "R1: the unit's statistics post. Null only for a unit outside your area (inYourArea false): its post is withheld.",
  })
  statisticsPost(@Root() unit: OrgUnit): StatisticsPostType | null {
    if (isPublicView(unit)) return null;
    return {
      required: requiresStatisticsPost(unit.kind),
      established: unit.postEstablished,
      establishedOn: unit.postEstablishedOn,
    };
  }

  @FieldResolver(() => [RegisterCountEntryType], {
    description: "Every recorded count, latest business date first (empty outside your area).",
  })
  async registerHistory(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<RegisterCountEntry[]> {
    if (isPublicView(unit)) return [];
    return loaders(ctx, this.services).registerHistory.load(unit.id);
  }

  @FieldResolver(() => AssessmentType, {
    nullable: true,
    description: "R2: the latest 八有八化 assessment (null outside your area).",
  })
  async standardization(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<Assessment | null> {
    if (isPublicView(unit)) return null;
    return loaders(ctx, this.services).latestAssessment.load(unit.id);
  }
}
