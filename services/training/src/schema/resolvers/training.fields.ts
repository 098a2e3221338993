import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { isWhole, type SessionView } from "../../domain/public-view";
import type { Certificate, Enrollment, TrainingSession } from "../../domain/training";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { OrgUnitType, StatisticianType } from "../types/federated.type";
import { TrainingCertificateType, TrainingEnrollmentType, TrainingSessionType } from "../types/training.type";

const IN_YOUR_AREA =
  "True: the whole record. False: its public view (a reference outside your area): nullable fields null, lists empty.";

/**
 * Relations of sessions, enrolments and certificates, each through a per-request loader. A public view
 * (src/domain/public-view.ts) keeps its lists empty and resolves its session as a reference of its own.
 */
@Resolver(() => TrainingSessionType)
export class TrainingSessionFields {
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

@Resolver(() => TrainingEnrollmentType)
export class TrainingEnrollmentFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => Boolean, { description: IN_YOUR_AREA })
  inYourArea(@Root() enrollment: Enrollment): boolean {
    return isWhole(enrollment);
  }

  @FieldResolver(() => TrainingSessionType, {
    description: "The session: whole, or its public view when it lies outside what you may see.",
  })
  async session(@Root() enrollment: Enrollment, @Ctx() ctx: GraphQLContext): Promise<SessionView> {
    return (await this.deps.loaders(ctx).sessionView.load(enrollment.sessionId))!;
  }

  @FieldResolver(() => StatisticianType, { description: "The person (resolved by personnel)." })
  statistician(@Root() enrollment: Enrollment): { id: string } {
    return { id: enrollment.statisticianId };
  }

  @FieldResolver(() => TrainingCertificateType, {
    nullable: true,
    description: "R7: the pre-post certificate this enrolment earned.",
  })
  async certificate(@Root() enrollment: Enrollment, @Ctx() ctx: GraphQLContext): Promise<Certificate | null> {
    if (!isWhole(enrollment)) return null;
    return this.deps.loaders(ctx).certificateOfEnrollment.load(enrollment.id);
  }
}

@Resolver(() => TrainingCertificateType)
export class TrainingCertificateFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => Boolean, { description: IN_YOUR_AREA })
  inYourArea(@Root() certificate: Certificate): boolean {
    return isWhole(certificate);
  }

  @FieldResolver(() => TrainingSessionType, {
    description: "The session: whole, or its public view when it lies outside what you may see.",
  })
  async session(@Root() certificate: Certificate, @Ctx() ctx: GraphQLContext): Promise<SessionView> {
    return (await this.deps.loaders(ctx).sessionView.load(certificate.sessionId))!;
  }

  @FieldResolver(() => StatisticianType)
  statistician(@Root() certificate: Certificate): { id: string } {
    return { id: certificate.statisticianId };
  }

  @FieldResolver(() => OrgUnitType)
  organizer(@Root() certificate: Certificate): { id: string } {
    return { id: certificate.organizerUnitId };
  }
}
