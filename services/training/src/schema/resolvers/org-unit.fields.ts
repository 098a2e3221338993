import { opt } from "@grassroots/kit";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { CoverageReport } from "../../domain/coverage";
import type { SessionStatus, TrainingKind } from "../../domain/training";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { sessionAfter, toConnection } from "../types/connection";
import { TrainingCoverageType } from "../types/coverage.type";
import { SessionStatusEnum, TrainingKindEnum } from "../types/enums";
import { OrgUnitType } from "../types/org-unit.type";
import { TrainingSessionConnectionType } from "../types/session.type";

/**
 * Training's fields on organization's OrgUnit. Each first checks, through a per-request loader (one
 * batched query), that the unit is in the caller's area: outside it the field is null.
 */
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
