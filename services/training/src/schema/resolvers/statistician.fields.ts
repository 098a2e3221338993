import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Enrollment } from "../../domain/training";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { PrePostTrainingType } from "../types/certificate.type";
import { TrainingEnrollmentType } from "../types/enrollment.type";
import { StatisticianType } from "../types/statistician.type";

/**
 * Training's fields on personnel's Statistician. Each first checks, through a per-request loader (one
 * batched query), that the person is in the caller's area: outside it the field is null.
 */
@Resolver(() => StatisticianType)
export class StatisticianFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => [TrainingEnrollmentType], {
    nullable: true,
    description: "Every session the person was enrolled in, latest first (null outside your area).",
  })
  async trainingRecords(
    @Root() person: { id: string },
    @Ctx() ctx: GraphQLContext,
  ): Promise<Enrollment[] | null> {
    const loaders = this.deps.loaders(ctx);
    if (!(await loaders.visibleStatistician.load(person.id))) return null;
    return loaders.recordsOfStatistician.load(person.id);
  }

  @FieldResolver(() => PrePostTrainingType, {
    nullable: true,
    description:
      "R7: whether the person holds a completed pre-post training, with the latest certificate (null outside your area).",
  })
  async prePostTraining(
    @Root() person: { id: string },
    @Ctx() ctx: GraphQLContext,
  ): Promise<PrePostTrainingType | null> {
    const loaders = this.deps.loaders(ctx);
    if (!(await loaders.visibleStatistician.load(person.id))) return null;
    const [latest] = await loaders.certificatesOfStatistician.load(person.id);
    return {
      completed: latest !== undefined,
      completedOn: latest?.completedOn ?? null,
      certificate: latest ?? null,
    };
  }
}
