import { opt } from "@grassroots/kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { CoverageReport } from "../../domain/coverage";
import type { Enrollment, SessionStatus, TrainingKind } from "../../domain/training";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { sessionAfter, toConnection } from "../types/connection";
import { TrainingCoverageType } from "../types/coverage.type";
import { SessionStatusEnum, TrainingKindEnum } from "../types/enums";
import { OrgUnitType, StatisticianType } from "../types/federated.type";
import {
  PrePostTrainingType,
  TrainingEnrollmentType,
  TrainingSessionConnectionType,
} from "../types/training.type";

/**
 * Training's fields on other subgraphs' entities. Each first checks, through the same per-request
 * loader as the reference resolver (so no extra query), that the entity is in the caller's area:
 * outside it the field is null.
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

@Resolver(() => OrgUnitType)
export class OrgUnitFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => TrainingSessionConnectionType, {
    nullable: true,
    description: "Sessions this unit's bureau organised, latest start first (null outside your area).",
  })
  async trainingSessions(
    @Root() unit: { id: string },
    @Ctx() ctx: GraphQLContext,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
    @Arg("kinds", () => [TrainingKindEnum], { nullable: true }) kinds?: TrainingKind[] | null,
    @Arg("statuses", () => [SessionStatusEnum], { nullable: true }) statuses?: SessionStatus[] | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<TrainingSessionConnectionType | null> {
    const loaders = this.deps.loaders(ctx);
    if (!(await loaders.visibleUnit.load(unit.id))) return null;
    const search = {
      first: first ?? 20,
      after: sessionAfter(after),
      year: opt(year),
      kinds: opt(kinds),
      statuses: opt(statuses),
    };
    return toConnection(await loaders.sessionsOfOrganizer(search).load(unit.id));
  }

  @FieldResolver(() => TrainingCoverageType, {
    nullable: true,
    description: "R6 for a year, counted inside this unit's subtree (null outside your area).",
  })
  async trainingCoverage(
    @Root() unit: { id: string },
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CoverageReport | null> {
    const loaders = this.deps.loaders(ctx);
    const found = await loaders.visibleUnit.load(unit.id);
    if (!found) return null;
    return loaders.coverageWithin(year).load(found.path);
  }
}
