import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { yearOf } from "../../domain/scorecard-queries";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { unitScorecardView } from "../scorecard-view";
import { OrgUnitType } from "../types/org-unit.type";
import { UnitScorecardType } from "../types/scorecard.type";

/** Evaluation's fields on organization's OrgUnit: batched across units, null outside the caller's area. */
@Resolver(() => OrgUnitType)
export class OrgUnitFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => UnitScorecardType, {
    nullable: true,
    description:
      "R13: the unit's compliance scorecard for a year (default: this year); null outside your area.",
  })
  async scorecard(
    @Root() unit: { id: string },
    @Ctx() ctx: GraphQLContext,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ): Promise<UnitScorecardType | null> {
    const card = await this.deps.loaders(ctx).scorecard(yearOf(this.deps.services, year)).load(unit.id);
    return card && unitScorecardView(card);
  }
}
