import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { cancelTrainingSession } from "../../domain/commands/cancel-training-session";
import { completeTrainingSession } from "../../domain/commands/complete-training-session";
import { openTrainingSession } from "../../domain/commands/open-training-session";
import { planTrainingSession } from "../../domain/commands/plan-training-session";
import type { TrainingSession } from "../../domain/training";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  CancelTrainingSessionInput,
  PlanTrainingSessionInput,
  TrainingSessionStepInput,
} from "../inputs/session.inputs";
import { TrainingSessionType } from "../types/session.type";

/** Thin: map the input, take the caller's policy, run the command. Each command publishes its events. */
@Resolver()
export class SessionMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => TrainingSessionType, {
    description: "Plans a session of the city bureau or a banner/district bureau (PLANNED).",
  })
  async planTrainingSession(
    @Arg("input") input: PlanTrainingSessionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TrainingSession> {
    return planTrainingSession(this.deps.services.uow, await changePolicy(ctx), {
      ...input,
      place: opt(input.place),
      online: opt(input.online),
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => TrainingSessionType, { description: "PLANNED → OPEN: enrolment opens." })
  async openTrainingSession(
    @Arg("input") input: TrainingSessionStepInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TrainingSession> {
    const { uow, clock } = this.deps.services;
    return openTrainingSession(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => TrainingSessionType, {
    description: "OPEN → COMPLETED once the end date has come; results are recorded afterwards.",
  })
  async completeTrainingSession(
    @Arg("input") input: TrainingSessionStepInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TrainingSession> {
    const { uow, clock } = this.deps.services;
    return completeTrainingSession(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => TrainingSessionType, { description: "PLANNED or OPEN → CANCELLED, with a reason." })
  async cancelTrainingSession(
    @Arg("input") input: CancelTrainingSessionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TrainingSession> {
    const { uow, clock } = this.deps.services;
    return cancelTrainingSession(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
  }
}
