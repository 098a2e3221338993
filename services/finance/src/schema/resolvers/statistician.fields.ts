import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { SUBSIDY_READERS } from "../../domain/access-policy";
import { mayRead, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { claimView, paymentView } from "../subsidy-views";
import { StatisticianType } from "../types/statistician.type";
import { SubsidyClaimType, SubsidyPaymentType, TaskRecordType } from "../types/subsidy.type";

/**
 * Finance's fields on personnel's Statistician: null unless the person holds or held a post in the
 * caller's area and the caller's role reads subsidies (one batched statement decides it for all).
 */
@Resolver(() => StatisticianType)
export class StatisticianFields {
  constructor(private readonly deps: SchemaDeps) {}

  private async visible(ctx: GraphQLContext, id: string) {
    return mayRead(ctx, SUBSIDY_READERS) && (await this.deps.loaders(ctx).visibleStatistician.load(id));
  }

  @FieldResolver(() => [TaskRecordType], {
    nullable: true,
    description: "R10: tasks recorded for the person.",
  })
  async subsidyTasks(@Root() s: { id: string }, @Ctx() ctx: GraphQLContext) {
    if (!(await this.visible(ctx, s.id))) return null;
    return this.deps.loaders(ctx).tasksOfStatistician.load(s.id);
  }

  @FieldResolver(() => [SubsidyClaimType], {
    nullable: true,
    description: "R10: the person's claims, by period.",
  })
  async subsidyClaims(@Root() s: { id: string }, @Ctx() ctx: GraphQLContext) {
    if (!(await this.visible(ctx, s.id))) return null;
    return (await this.deps.loaders(ctx).claimsOfStatistician.load(s.id)).map(claimView);
  }

  @FieldResolver(() => [SubsidyPaymentType], {
    nullable: true,
    description: "R10: the person's paid claims.",
  })
  async subsidyPayments(@Root() s: { id: string }, @Ctx() ctx: GraphQLContext) {
    if (!(await this.visible(ctx, s.id))) return null;
    return (await this.deps.loaders(ctx).paymentsOfStatistician.load(s.id)).map(paymentView);
  }
}
