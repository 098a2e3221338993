import { notFoundInArea } from "@grassroots/kit/errors";
import { checkPageSize, connectionOf, decodeCursor, isUuid } from "@grassroots/kit/validation";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { BUDGET_READERS } from "../../domain/access-policy";
import type { Purpose } from "../../domain/budget";
import { readerScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { BudgetExecutionType } from "../types/budget-execution.type";
import { BudgetLineConnectionType, BudgetLineType } from "../types/budget.type";
import { PurposeEnum } from "../types/enums";
import { executionView, lineView } from "../views";

const UUID = /^[0-9a-f-]{36}$/;

@Resolver()
export class BudgetQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => BudgetLineType, { description: "A budget line whose owner or beneficiary lies in your area." })
  async budgetLine(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<BudgetLineType> {
    const scope = await readerScope(ctx, "read budget lines", BUDGET_READERS);
    const [line] = isUuid(id) ? await this.deps.services.budgets.byIds([id], scope) : [];
    if (!line) throw notFoundInArea("Budget line", id, "id");
    return lineView(line);
  }

  @Query(() => BudgetLineConnectionType, { description: "Budget lines of a year in your area, by id." })
  async budgetLines(
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
    @Arg("ownerUnitId", () => ID, { nullable: true }) ownerUnitId?: string | null,
    @Arg("purpose", () => PurposeEnum, { nullable: true }) purpose?: Purpose | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<BudgetLineConnectionType> {
    const scope = await readerScope(ctx, "read budget lines", BUDGET_READERS);
    const size = checkPageSize(first);
    const from = decodeCursor("line", after, UUID);
    const page = await this.deps.services.budgets.page(
      { year, ownerUnitId: ownerUnitId ?? undefined, purpose: purpose ?? undefined },
      scope,
      size,
      from,
    );
    return connectionOf({ ...page, items: page.items.map(lineView) }, "line", (l) => l.id);
  }

  @Query(() => [BudgetExecutionType], {
    description:
      "R8 city-wide table: budget execution for a year of every banner/district in your area (and the city's own lines), a fixed number of statements.",
  })
  async budgetExecution(
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetExecutionType[]> {
    const scope = await readerScope(ctx, "read budget execution", BUDGET_READERS);
    const units = await this.deps.services.budgets.subjectsIn(scope);
    const loader = this.deps.loaders(ctx).executionOf(year);
    return (await loader.loadMany(units.map((u) => u.id))).map((e) => {
      if (e instanceof Error) throw e;
      return executionView(e);
    });
  }
}
