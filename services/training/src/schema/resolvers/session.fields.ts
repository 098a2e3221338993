import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { isWhole } from "../../domain/public-view";
import type { Enrollment, TrainingSession } from "../../domain/training";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { IN_YOUR_AREA } from "../types/public-view";
import { TrainingEnrollmentType } from "../types/enrollment.type";
import { OrgUnitType } from "../types/org-unit.type";
import { TrainingSessionType } from "../types/session.type";

/** A session's relations through per-request loaders; a public view keeps its lists empty. */
@Resolver(() => TrainingSessionType)
export class SessionFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => Boolean, { description: IN_YOUR_AREA })
  inYourArea(@Root() session: TrainingSession): boolean {
    return isWhole(session);
  }

  @FieldResolver(() => OrgUnitType, {
    description: "The organizing bureau's unit (resolved by organization).",
  })
  organizer(@Root() session: TrainingSession): { id: string } {
    return { id: session.organizerUnitId };
  }

  @FieldResolver(() => Int, { description: "Participants currently ENROLLED." })
  enrolledCount(@Root() session: TrainingSession, @Ctx() ctx: GraphQLContext): Promise<number> {
    return this.deps.loaders(ctx).enrolledCount.load(session.id);
  }

  @FieldResolver(() => Int)
  async placesLeft(@Root() session: TrainingSession, @Ctx() ctx: GraphQLContext): Promise<number> {
    return Math.max(0, session.capacity - (await this.deps.loaders(ctx).enrolledCount.load(session.id)));
  }

  @FieldResolver(() => [TrainingEnrollmentType], {
    description: "Every enrolment for the organizer's side; only your own people's otherwise.",
  })
  async enrollments(@Root() session: TrainingSession, @Ctx() ctx: GraphQLContext): Promise<Enrollment[]> {
    if (!isWhole(session)) return [];
    return this.deps.loaders(ctx).enrollmentsOfSession.load(session.id);
  }
}
