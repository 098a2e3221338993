import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { correctAssessment } from "../../domain/commands/correct-assessment";
import { publishAssessmentResults } from "../../domain/commands/publish-assessment-results";
import { recordAssessmentAdjustment } from "../../domain/commands/record-assessment-adjustment";
import { recordManualScore } from "../../domain/commands/record-manual-score";
import { reviewAssessment } from "../../domain/commands/review-assessment";
import { scoreAssessment } from "../../domain/commands/score-assessment";
import { rankingFor } from "../../domain/assessment-queries";
import { assessmentView } from "../assessment-view";
import { changePolicy, readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import {
  AssessmentAdjustmentInput,
  AssessmentStepInput,
  CorrectAssessmentInput,
  ManualScoreInput,
  PublishAssessmentResultsInput,
} from "../inputs/assessment.inputs";
import { rankingView } from "../ranking-view";
import { AssessmentResultSetType, AssessmentType } from "../types/assessment.type";

/** R12: scoring, reviewing, publishing and correcting assessments (thin: parse, call, map). */
@Resolver()
export class AssessmentMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => AssessmentType, {
    description: "DRAFT → SCORED: the AUTO indicators frozen from the metrics at the cut-off date.",
  })
  async scoreAssessment(
    @Arg("input", () => AssessmentStepInput) input: AssessmentStepInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentType> {
    const { uow, clock } = this.deps.services;
    return assessmentView(await scoreAssessment(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => AssessmentType, {
    description: "An assessor's score of a MANUAL indicator, with evidence and a comment (DRAFT or SCORED).",
  })
  async recordManualScore(
    @Arg("input", () => ManualScoreInput) input: ManualScoreInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentType> {
    const { uow, clock } = this.deps.services;
    return assessmentView(await recordManualScore(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => AssessmentType, {
    description: "A bonus (加分) or deduction (扣分) entry; each item's entries count up to its cap.",
  })
  async recordAssessmentAdjustment(
    @Arg("input", () => AssessmentAdjustmentInput) input: AssessmentAdjustmentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentType> {
    const { uow, clock } = this.deps.services;
    return assessmentView(
      await recordAssessmentAdjustment(uow, await changePolicy(ctx), clock, { ...input }),
    );
  }

  @Mutation(() => AssessmentType, { description: "SCORED → REVIEWED once every indicator is scored." })
  async reviewAssessment(
    @Arg("input", () => AssessmentStepInput) input: AssessmentStepInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentType> {
    const { uow, clock } = this.deps.services;
    return assessmentView(await reviewAssessment(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => AssessmentResultSetType, {
    description:
      "Publishes the scheme version's year: ranks (equal scores share a rank), grades, and the results event; again after a correction, with a reason.",
  })
  async publishAssessmentResults(
    @Arg("input", () => PublishAssessmentResultsInput) input: PublishAssessmentResultsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentResultSetType> {
    const { services } = this.deps;
    const set = await publishAssessmentResults(services.uow, await changePolicy(ctx), services.clock, {
      ...input,
    });
    return rankingView(await rankingFor(services, await readScope(ctx), set));
  }

  @Mutation(() => AssessmentType, {
    description:
      "A published assessment's correction: its next revision (SCORED, same scores), the earlier kept as superseded.",
  })
  async correctAssessment(
    @Arg("input", () => CorrectAssessmentInput) input: CorrectAssessmentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentType> {
    const { uow, clock } = this.deps.services;
    return assessmentView(await correctAssessment(uow, await changePolicy(ctx), clock, { ...input }));
  }
}
