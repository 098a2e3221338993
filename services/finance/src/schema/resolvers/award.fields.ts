import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { auditChecks } from "../../domain/round-audit";
import { allocationView, roundView, ruleView, type ProgrammeView, type RoundView } from "../award-views";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  AllocationRoundType,
  AllocationRuleType,
  AwardProgrammeType,
  RoundAllocationType,
  RoundAuditType,
} from "../types/award.type";

/** A programme's rule and rounds, batched across programmes. */
@Resolver(() => AwardProgrammeType)
export class AwardProgrammeFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => AllocationRuleType, { description: "The current version of the allocation rule." })
  async rule(@Root() p: ProgrammeView, @Ctx() ctx: GraphQLContext): Promise<AllocationRuleType> {
    return ruleView((await this.deps.loaders(ctx).ruleOfProgramme.load(p.id))!.rule);
  }

  @FieldResolver(() => [AllocationRoundType])
  async rounds(@Root() p: ProgrammeView, @Ctx() ctx: GraphQLContext): Promise<RoundView[]> {
    return (await this.deps.loaders(ctx).roundsOfProgramme.load(p.id)).map(roundView);
  }
}

/** A round's allocations and audit, batched across rounds (one statement per list). */
@Resolver(() => AllocationRoundType)
export class AllocationRoundFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => [RoundAllocationType], {
    description: "Allocated vs paid per banner (the last computation).",
  })
  async allocations(@Root() r: RoundView, @Ctx() ctx: GraphQLContext): Promise<RoundAllocationType[]> {
    const loaders = this.deps.loaders(ctx);
    const [allocations, payments] = await Promise.all([
      loaders.allocationsOfRound.load(r.id),
      loaders.paymentsOfRound.load(r.id),
    ]);
    return allocations.map((a) => allocationView(a, payments));
  }

  @FieldResolver(() => RoundAuditType, {
    description: "Every step with actor and time, and the inspection's checks.",
  })
  async audit(@Root() r: RoundView, @Ctx() ctx: GraphQLContext): Promise<RoundAuditType> {
    const loaders = this.deps.loaders(ctx);
    const [allocations, payments, steps, programme] = await Promise.all([
      loaders.allocationsOfRound.load(r.id),
      loaders.paymentsOfRound.load(r.id),
      loaders.stepsOfRound.load(r.id),
      loaders.programme.load(r.programmeId),
    ]);
    return { steps, checks: auditChecks(r.source, programme!, allocations, payments) };
  }
}
