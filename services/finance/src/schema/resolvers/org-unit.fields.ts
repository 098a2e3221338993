import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { BUDGET_READERS, SUBSIDY_READERS } from "../../domain/access-policy";
import { inForceOn } from "../../domain/subsidy";
import { standardView } from "../subsidy-views";
import { SubsidyStandardType } from "../types/subsidy.type";
import { LocalDateResolver } from "graphql-scalars";
import { mayRead, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { BudgetExecutionType } from "../types/budget-execution.type";
import { OrgUnitType } from "../types/org-unit.type";
import { executionView } from "../views";
import { unitAllocationView } from "../award-views";
import { AwardAllocationType } from "../types/award.type";

/**
 * Finance's fields on organization's OrgUnit. Each first checks, through a per-request loader (one
 * batched statement), that the unit is in the caller's area and that their role reads finance's
 * records: otherwise the field is null (the unit's public view carries no finance figures).
 */
@Resolver(() => OrgUnitType)
export class OrgUnitFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => BudgetExecutionType, {
    nullable: true,
    description:
      "R8 for a fiscal year: this unit's lines and those it benefits from (null outside your area).",
  })
  async budgetExecution(
    @Root() unit: { id: string },
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetExecutionType | null> {
    if (!mayRead(ctx, BUDGET_READERS)) return null;
    const loaders = this.deps.loaders(ctx);
    if (!(await loaders.visibleUnit.load(unit.id))) return null;
    return executionView(await loaders.executionOf(year).load(unit.id));
  }

  @FieldResolver(() => [AwardAllocationType], {
    nullable: true,
    description: "R9: this banner's award allocations of a year, allocated vs paid (null outside your area).",
  })
  async awardAllocations(
    @Root() unit: { id: string },
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AwardAllocationType[] | null> {
    if (!mayRead(ctx, BUDGET_READERS)) return null;
    const loaders = this.deps.loaders(ctx);
    if (!(await loaders.visibleUnit.load(unit.id))) return null;
    return (await loaders.allocationsOfUnit(year).load(unit.id)).map(unitAllocationView);
  }

  @FieldResolver(() => SubsidyStandardType, {
    nullable: true,
    description:
      "R10: the banner's subsidy standard in force on a date (today when not given; null outside your area).",
  })
  async subsidyStandard(
    @Root() unit: { id: string },
    @Ctx() ctx: GraphQLContext,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf?: string | null,
  ): Promise<SubsidyStandardType | null> {
    if (!mayRead(ctx, SUBSIDY_READERS)) return null;
    const loaders = this.deps.loaders(ctx);
    if (!(await loaders.visibleUnit.load(unit.id))) return null;
    const standard = inForceOn(
      await loaders.standardsOfBanner.load(unit.id),
      asOf ?? this.deps.services.clock.today(),
    );
    return standard ? standardView(standard) : null;
  }
}
