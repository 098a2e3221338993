import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { enrollInSession } from "../../domain/commands/enroll-in-session";
import { recordTrainingResult } from "../../domain/commands/record-training-result";
import { recordTrainingResults } from "../../domain/commands/record-training-results";
import { withdrawEnrollment } from "../../domain/commands/withdraw-enrollment";
import type { Enrollment } from "../../domain/training";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  EnrollInput,
  RecordResultInput,
  RecordResultsInput,
  WithdrawInput,
} from "../inputs/enrollment.inputs";
import { TrainingEnrollmentType } from "../types/enrollment.type";

/** Enrolment, withdrawal and results: thin, as every mutation resolver. */
@Resolver()
export class EnrollmentMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => TrainingEnrollmentType, {
    description:
      "Enrols a statistician serving inside the organizer's area into an OPEN session; CONFLICT when it is full.",
  })
  async enrollInTrainingSession(
    @Arg("input") input: EnrollInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Enrollment> {
    const { uow, clock } = this.deps.services;
    return enrollInSession(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => TrainingEnrollmentType, {
    description: "Withdraws an enrolment while the session is OPEN (kept, with who and when).",
  })
  async withdrawTrainingEnrollment(
    @Arg("input") input: WithdrawInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Enrollment> {
    const { uow, clock } = this.deps.services;
    return withdrawEnrollment(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => TrainingEnrollmentType, {
    description:
      "Records one participant's attendance and result in a COMPLETED session; a pre-post pass issues the certificate (R7).",
  })
  async recordTrainingResult(
    @Arg("input") input: RecordResultInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Enrollment> {
    const { uow, clock, passRule } = this.deps.services;
    const recorded = await recordTrainingResult(uow, await changePolicy(ctx), clock, passRule, {
      ...input,
      score: opt(input.score),
      expectedVersion: opt(input.expectedVersion),
      requestId: opt(input.requestId),
    });
    return recorded.enrollment;
  }

  @Mutation(() => [TrainingEnrollmentType], {
    description: "Records a whole session's results, all or nothing; a refused row is named in the error.",
  })
  async recordTrainingResults(
    @Arg("input") input: RecordResultsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Enrollment[]> {
    const { uow, clock, passRule } = this.deps.services;
    const recorded = await recordTrainingResults(uow, await changePolicy(ctx), clock, passRule, {
      sessionId: input.sessionId,
      rows: input.rows.map((r) => ({ ...r, score: opt(r.score) })),
      requestId: opt(input.requestId),
    });
    return recorded.map((r) => r.enrollment);
  }
}
