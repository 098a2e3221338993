import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Certificate, Enrollment, TrainingSession } from "../../domain/training";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { OrgUnitType, StatisticianType } from "../types/federated.type";
import { TrainingCertificateType, TrainingEnrollmentType, TrainingSessionType } from "../types/training.type";

/** Relations of sessions, enrolments and certificates, each through a per-request loader. */
@Resolver(() => TrainingSessionType)
export class TrainingSessionFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => OrgUnitType, { description: "The organizing bureau's unit (resolved by organization)." })
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
  enrollments(@Root() session: TrainingSession, @Ctx() ctx: GraphQLContext): Promise<Enrollment[]> {
    return this.deps.loaders(ctx).enrollmentsOfSession.load(session.id);
  }
}

@Resolver(() => TrainingEnrollmentType)
export class TrainingEnrollmentFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => TrainingSessionType)
  async session(@Root() enrollment: Enrollment, @Ctx() ctx: GraphQLContext): Promise<TrainingSession> {
    return (await this.deps.loaders(ctx).session.load(enrollment.sessionId))!;
  }

  @FieldResolver(() => StatisticianType, { description: "The person (resolved by personnel)." })
  statistician(@Root() enrollment: Enrollment): { id: string } {
    return { id: enrollment.statisticianId };
  }

  @FieldResolver(() => TrainingCertificateType, { nullable: true, description: "R7: the pre-post certificate this enrolment earned." })
  certificate(@Root() enrollment: Enrollment, @Ctx() ctx: GraphQLContext): Promise<Certificate | null> {
    return this.deps.loaders(ctx).certificateOfEnrollment.load(enrollment.id);
  }
}

@Resolver(() => TrainingCertificateType)
export class TrainingCertificateFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => TrainingSessionType)
  async session(@Root() certificate: Certificate, @Ctx() ctx: GraphQLContext): Promise<TrainingSession> {
    return (await this.deps.loaders(ctx).session.load(certificate.sessionId))!;
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
