import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { defineStandard } from "../../domain/commands/define-standard";
import { recognizeStandardization } from "../../domain/commands/recognize-standardization";
import { recordAssessment } from "../../domain/commands/record-assessment";
import type { OrgUnit } from "../../domain/org-unit";
import type { OrganizationServices } from "../../domain/ports";
import type { Assessment, AssessmentItem, Standard } from "../../domain/standardization";
import { changePolicy, type GraphQLContext } from "../context";
import { DefineStandardInput, RecognizeInput, RecordAssessmentInput } from "../inputs/standardization.inputs";
import { loaders } from "../loaders";
import { OrgUnitType } from "../types/org-unit.type";
import { AssessmentItemType, AssessmentType, StandardType } from "../types/standardization.type";

@Resolver(() => AssessmentType)
export class StandardizationResolver {
  constructor(private readonly services: OrganizationServices) {}

  @Query(() => [StandardType], {
    description: "Every version of every 八有八化 standard (reference data, readable by all).",
  })
  standardizationStandards(): Promise<Standard[]> {
    return this.services.standardization.standards();
  }

  @Mutation(() => AssessmentType, {
    description: "R2: records a township's assessment; the result is computed (all items MET).",
  })
  async recordStandardizationAssessment(
    @Arg("input") input: RecordAssessmentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Assessment> {
    const { uow, clock } = this.services;
    return recordAssessment(uow, await changePolicy(ctx), clock, input);
  }

  @Mutation(() => AssessmentType, {
    description: "R2: records the region's recognition (batch, year) of a STANDARDIZED assessment.",
  })
  async recognizeStandardization(
    @Arg("input") input: RecognizeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Assessment> {
    return recognizeStandardization(this.services.uow, await changePolicy(ctx), input);
  }

  @Mutation(() => StandardType, { description: "Adds the next version of a standard (CITY_ADMIN)." })
  async defineStandardizationStandard(
    @Arg("input") input: DefineStandardInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Standard> {
    return defineStandard(this.services.uow, await changePolicy(ctx), {
      ...input,
      items: input.items.map((i) => ({ ...i, description: i.description ?? null })),
    });
  }

  @FieldResolver(() => StandardType)
  async standard(@Root() assessment: Assessment, @Ctx() ctx: GraphQLContext): Promise<Standard | null> {
    return loaders(ctx, this.services).standard.load(assessment.standardId);
  }

  @FieldResolver(() => [AssessmentItemType])
  items(@Root() assessment: Assessment, @Ctx() ctx: GraphQLContext): Promise<AssessmentItem[]> {
    return loaders(ctx, this.services).assessmentItems.load(assessment.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  orgUnit(@Root() assessment: Assessment, @Ctx() ctx: GraphQLContext): Promise<OrgUnit | null> {
    return loaders(ctx, this.services).unit.load(assessment.orgUnitId);
  }
}
