import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { decideRectification } from "../../domain/commands/decide-rectification";
import { recordInspection } from "../../domain/commands/record-inspection";
import { submitRectification } from "../../domain/commands/submit-rectification";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  DecideRectificationInput,
  RecordInspectionInput,
  SubmitRectificationInput,
} from "../inputs/inspection.inputs";
import { findingView, inspectionView } from "../inspection-view";
import { FindingType, InspectionType } from "../types/inspection.type";

/** R13 supervision (thin: parse, call, map). */
@Resolver()
export class InspectionMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => InspectionType, {
    description: "Records an inspection of a unit in your area with its findings (INSPECTOR, or a bureau).",
  })
  async recordInspection(
    @Arg("input", () => RecordInspectionInput) input: RecordInspectionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InspectionType> {
    const { uow, clock } = this.deps.services;
    return inspectionView(await recordInspection(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => FindingType, {
    description: "The responsible unit's clerk submits a rectification with evidence (UNIT_CLERK).",
  })
  async submitRectification(
    @Arg("input", () => SubmitRectificationInput) input: SubmitRectificationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FindingType> {
    const { uow, clock } = this.deps.services;
    return findingView(
      await submitRectification(uow, await changePolicy(ctx), clock, { ...input }),
      clock.today(),
    );
  }

  @Mutation(() => FindingType, {
    description: "The inspector accepts a submitted rectification, or rejects it with a reason (INSPECTOR).",
  })
  async decideRectification(
    @Arg("input", () => DecideRectificationInput) input: DecideRectificationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FindingType> {
    const { uow, clock } = this.deps.services;
    return findingView(
      await decideRectification(uow, await changePolicy(ctx), clock, { ...input }),
      clock.today(),
    );
  }
}
