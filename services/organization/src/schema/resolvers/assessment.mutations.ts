import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { recognizeStandardization } from "../../domain/commands/recognize-standardization";
import { recordAssessment } from "../../domain/commands/record-assessment";
import type { OrganizationServices } from "../../domain/ports";
import type { Assessment } from "../../domain/standardization";
import { changePolicy, type GraphQLContext } from "../context";
import { RecognizeInput, RecordAssessmentInput } from "../inputs/assessment.inputs";
import { AssessmentType } from "../types/assessment.type";

/** R2: recording and recognising 八有八化 assessments. Thin: take the caller's policy, run the command. */
@Resolver()
export class AssessmentMutations {
  constructor(private readonly services: OrganizationServices) {}

  @Mutation(() => AssessmentType, {
    description: "R2: records a township's assessment; the result is computed (all items MET).",
  })
  async recordStandardizationAssessment(
    @Arg("input") input: RecordAssessmentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Assessment> {
    const { uow, clock } = this.services;
    return recordAssessment(uow, await changePolicy(ctx), clock, {
      ...input,
      requestId: opt(input.requestId),
    });
  }

  @Mutation(() => AssessmentType, {
    description: "R2: records the region's recognition (batch, year) of a STANDARDIZED assessment.",
  })
  async recognizeStandardization(
    @Arg("input") input: RecognizeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Assessment> {
    return recognizeStandardization(this.services.uow, await changePolicy(ctx), {
      ...input,
      requestId: opt(input.requestId),
    });
  }
}
