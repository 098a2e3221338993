import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { isWhole, type SessionView } from "../../domain/public-view";
import type { Certificate, Enrollment } from "../../domain/training";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { TrainingCertificateType } from "../types/certificate.type";
import { TrainingEnrollmentType } from "../types/enrollment.type";
import { IN_YOUR_AREA } from "../types/public-view";
import { TrainingSessionType } from "../types/session.type";
import { StatisticianType } from "../types/statistician.type";

/** An enrolment's relations; its session resolves as a reference of its own (whole or public). */
@Resolver(() => TrainingEnrollmentType)
export class EnrollmentFields {
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
