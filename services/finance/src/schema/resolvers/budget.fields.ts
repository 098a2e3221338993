import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { asOfFor } from "../../domain/budget-execution";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  BudgetLineRevisionType,
  BudgetLineType,
  DisbursementType,
  InstalmentType,
} from "../types/budget.type";
import { disbursementView, instalmentViews, revisionView, type LineView } from "../views";

/** A line's nested lists, batched across lines (one statement per list whatever the number of lines). */
@Resolver(() => BudgetLineType)
export class BudgetLineFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => [InstalmentType], {
    description: "The current schedule, each instalment as of today (R8).",
  })
  async instalments(@Root() line: LineView, @Ctx() ctx: GraphQLContext): Promise<InstalmentType[]> {
    const disbursements = await this.deps.loaders(ctx).disbursementsOfLine.load(line.id);
    return instalmentViews(
      line.source,
      disbursements,
      asOfFor(line.fiscalYear, this.deps.services.clock.today()),
    );
  }

  @FieldResolver(() => [BudgetLineRevisionType], {
    description: "Every version of the terms, first to current.",
  })
  async revisions(
    @Root() line: BudgetLineType,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetLineRevisionType[]> {
    return (await this.deps.loaders(ctx).revisionsOfLine.load(line.id)).map(revisionView);
  }

  @FieldResolver(() => [DisbursementType], { description: "Payments and reversals, by date paid." })
  async disbursements(@Root() line: BudgetLineType, @Ctx() ctx: GraphQLContext): Promise<DisbursementType[]> {
    return (await this.deps.loaders(ctx).disbursementsOfLine.load(line.id)).map(disbursementView);
  }
}
