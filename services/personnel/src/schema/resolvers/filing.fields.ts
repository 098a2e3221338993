import { LocalDateResolver } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PostAssignment } from "../../domain/assignment";
import type { Filing, FilingStep } from "../../domain/filing";
import { dueOn, isOverdue, TRANSITIONS } from "../../rules/r5-level-by-level-filing";
import type { PersonnelServices } from "../../domain/ports";
import type { Statistician } from "../../domain/statistician";
import type { GraphQLContext } from "../context";
import { loaders } from "../loaders";
import { FilingDetailsType, FilingStepType, FilingType } from "../types/filing.type";
import { OrgUnitRefType, unitRef } from "../types/org-unit.type";
import { PostAssignmentType, StatisticianType } from "../types/statistician.type";

const PARTY_WORDS = {
  SUBMITTING_LEVEL: "the submitting unit",
  TOWNSHIP: "the township",
  BANNER_BUREAU: "the banner bureau",
} as const;

/** A name beside an actor: as recorded, or the actor itself on rows written before names were kept. */
const nameOf = (actor: string | null, name: string | null): string | null => name ?? actor;

@Resolver(() => FilingStepType)
export class FilingStepFields {
  @FieldResolver(() => String, {
    description:
      "Who took the step, by name: the display name in their token (else its subject, or a tool's name). " +
      "Steps recorded before names were kept show the subject.",
  })
  actorName(@Root() s: FilingStep): string {
    return nameOf(s.actor, s.actorName)!;
  }
}

@Resolver(() => FilingType)
export class FilingFields {
  constructor(private readonly services: PersonnelServices) {}

  @FieldResolver(() => String, { description: "submittedBy by name (see FilingStep.actorName)." })
  submittedByName(@Root() f: Filing): string {
    return nameOf(f.submittedBy, f.submittedByName)!;
  }

  @FieldResolver(() => String, { nullable: true, description: "forwardedBy by name." })
  forwardedByName(@Root() f: Filing): string | null {
    return nameOf(f.forwardedBy, f.forwardedByName);
  }

  @FieldResolver(() => String, { nullable: true, description: "decidedBy by name." })
  decidedByName(@Root() f: Filing): string | null {
    return nameOf(f.decidedBy, f.decidedByName);
  }

  @FieldResolver(() => StatisticianType, { nullable: true })
  statistician(@Root() f: Filing, @Ctx() ctx: GraphQLContext): Promise<Statistician | null> {
    return loaders(ctx, this.services).statistician.load(f.statisticianId);
  }

  @FieldResolver(() => PostAssignmentType, { nullable: true, description: "The post as it is now." })
  assignment(@Root() f: Filing, @Ctx() ctx: GraphQLContext): Promise<PostAssignment | null> {
    return loaders(ctx, this.services).assignment.load(f.assignmentId);
  }

  @FieldResolver(() => OrgUnitRefType, {
    description: "The unit where the change happened (the new unit of a transfer).",
  })
  orgUnit(@Root() f: Filing): OrgUnitRefType {
    return { id: f.orgUnitId };
  }

  @FieldResolver(() => OrgUnitRefType, { description: "The banner/district whose bureau files it." })
  banner(@Root() f: Filing): OrgUnitRefType {
    return { id: f.bannerId };
  }

  @FieldResolver(() => OrgUnitRefType, {
    nullable: true,
    description: "The township that forwards it (village-level changes).",
  })
  township(@Root() f: Filing): OrgUnitRefType | null {
    return unitRef(f.townshipId);
  }

  @FieldResolver(() => FilingDetailsType)
  details(@Root() f: Filing): FilingDetailsType {
    const { fromOrgUnitId, ...rest } = f.details;
    return { ...rest, fromOrgUnit: unitRef(fromOrgUnitId) } as FilingDetailsType;
  }

  @FieldResolver(() => [FilingStepType], { description: "Every step, in order: who and when." })
  steps(@Root() f: Filing, @Ctx() ctx: GraphQLContext): Promise<FilingStep[]> {
    return loaders(ctx, this.services).filingSteps.load(f.id);
  }

  @FieldResolver(() => LocalDateResolver, { description: "Last day to file: submittedOn + FILING_DUE_DAYS." })
  dueOn(@Root() f: Filing): string {
    return dueOn(f, this.services.settings.filingDueDays);
  }

  @FieldResolver(() => Boolean, { description: "Not filed by its due date." })
  overdue(@Root() f: Filing): boolean {
    return isOverdue(f, this.services.settings.filingDueDays, this.services.clock.today());
  }

  @FieldResolver(() => String, { nullable: true, description: "Who acts next (null once filed)." })
  waitingFor(@Root() f: Filing): string | null {
    const next = TRANSITIONS[f.route].find((t) => t.from === f.status);
    return next ? PARTY_WORDS[next.party] : null;
  }
}
