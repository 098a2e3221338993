import { Ctx, FieldResolver, Float, Resolver, Root } from "type-graphql";
import type { OrgUnit } from "../../domain/org-unit";
import type { OrganizationServices } from "../../domain/ports";
import { assessmentItemShare } from "../../domain/reports";
import type { Assessment, AssessmentItem, Standard } from "../../domain/standardization";
import type { GraphQLContext } from "../context";
import { loaders } from "../loaders";
import { AssessmentItemType, AssessmentType } from "../types/assessment.type";
import { OrgUnitType } from "../types/org-unit.type";
import { StandardType } from "../types/standard.type";

/** Relations of an assessment, each through a per-request loader, and its R2 item-level progress. */
@Resolver(() => AssessmentType)
export class AssessmentFields {
  constructor(private readonly services: OrganizationServices) {}

  @FieldResolver(() => Float, {
    nullable: true,
    description: "itemsMet / itemsTotal, 4 decimals like the other rates (15 of 16 items: 0.9375).",
  })
  itemShare(@Root() assessment: Assessment): number | null {
    return assessmentItemShare(assessment);
  }

  @FieldResolver(() => StandardType)
  async standard(@Root() assessment: Assessment, @Ctx() ctx: GraphQLContext): Promise<Standard | null> {
    return loaders(ctx, this.services).standard.load(assessment.standardId);
  }

  @FieldResolver(() => [AssessmentItemType])
  items(@Root() assessment: Assessment, @Ctx() ctx: GraphQLContext): Promise<AssessmentItem[]> {
    return loaders(ctx, this.services).assessmentItems.load(assessment.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  orgUnit(@Root() assessment: Assessment, @Ctx() ctx: GraphQLContext): Promise<OrgUnit | null> {
    return loaders(ctx, this.services).unit.load(assessment.orgUnitId);
  }
}
