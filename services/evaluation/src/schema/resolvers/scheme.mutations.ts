import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { defineAssessmentScheme } from "../../domain/commands/define-assessment-scheme";
import { openAssessments } from "../../domain/commands/open-assessments";
import { reviseAssessmentScheme } from "../../domain/commands/revise-assessment-scheme";
import { assessmentView, schemeView } from "../assessment-view";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { DefineAssessmentSchemeInput, ReviseAssessmentSchemeInput } from "../inputs/scheme.inputs";
import { AssessmentType } from "../types/assessment.type";
import { AssessmentSchemeType } from "../types/scheme.type";

/** R12: defining and versioning schemes, opening their assessments (thin: parse, call, map). */
@Resolver()
export class SchemeMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => AssessmentSchemeType, {
    description:
      "A new scheme (version 1) of your bureau: CITY_ADMIN for the city's, BANNER_ADMIN for their banner's.",
  })
  async defineAssessmentScheme(
    @Arg("input", () => DefineAssessmentSchemeInput) input: DefineAssessmentSchemeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentSchemeType> {
    const { uow, clock } = this.deps.services;
    return schemeView(await defineAssessmentScheme(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => AssessmentSchemeType, {
    description: "The scheme's next version (a scheme is never edited in place).",
  })
  async reviseAssessmentScheme(
    @Arg("input", () => ReviseAssessmentSchemeInput) input: ReviseAssessmentSchemeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentSchemeType> {
    const { uow, clock } = this.deps.services;
    return schemeView(await reviseAssessmentScheme(uow, await changePolicy(ctx), clock, { ...input }));
  }

  @Mutation(() => [AssessmentType], {
    description:
      "Opens a DRAFT assessment for every unit the scheme version assesses that has none yet; returns those opened.",
  })
  async openAssessments(
    @Arg("schemeVersionId", () => ID) schemeVersionId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssessmentType[]> {
    const { uow, clock } = this.deps.services;
    return (await openAssessments(uow, await changePolicy(ctx), clock, { schemeVersionId })).map(
      assessmentView,
    );
  }
}
