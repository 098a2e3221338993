import { opt } from "@grassroots/kit";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { cancelTrainingSession } from "../../domain/commands/cancel-training-session";
import { completeTrainingSession } from "../../domain/commands/complete-training-session";
import { enrollInSession } from "../../domain/commands/enroll-in-session";
import { issuePrePostCertificate } from "../../domain/commands/issue-pre-post-certificate";
import { openTrainingSession } from "../../domain/commands/open-training-session";
import { planTrainingSession } from "../../domain/commands/plan-training-session";
import { recordTrainingResult } from "../../domain/commands/record-training-result";
import { recordTrainingResults } from "../../domain/commands/record-training-results";
import { withdrawEnrollment } from "../../domain/commands/withdraw-enrollment";
import type { Certificate, Enrollment, TrainingSession } from "../../domain/training";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  CancelTrainingSessionInput,
  EnrollInput,
  PlanTrainingSessionInput,
  RecordResultInput,
  RecordResultsInput,
  TrainingSessionStepInput,
  WithdrawInput,
} from "../inputs/training.inputs";
import { REQUEST_ID } from "../inputs/request-id";
import { TrainingCertificateType, TrainingEnrollmentType, TrainingSessionType } from "../types/training.type";

/** Thin: map the input, take the caller's policy, run the command. Each command publishes its events. */
@Resolver()
export class TrainingMutations {
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

  @Mutation(() => TrainingCertificateType, {
    description:
      "The pre-post certificate of a PASSED enrolment (issued with the result; returned, or issued if missing). Refused otherwise.",
  })
  async issuePrePostCertificate(
    @Arg("enrollmentId", () => ID) enrollmentId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("requestId", () => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null,
  ): Promise<Certificate> {
    const { uow, clock, passRule } = this.deps.services;
    return issuePrePostCertificate(uow, await changePolicy(ctx), clock, passRule, enrollmentId, {
      requestId: opt(requestId),
    });
  }
}
