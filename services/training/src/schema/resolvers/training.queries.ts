import { opt } from "@grassroots/kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { coverageReport, type CoverageReport } from "../../domain/coverage";
import { getCertificate, getSession, searchSessions } from "../../domain/queries";
import type { Certificate, TrainingSession } from "../../domain/training";
import { readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { TrainingSessionFilterInput } from "../inputs/training.inputs";
import { sessionAfter, toConnection } from "../types/connection";
import { TrainingCoverageType } from "../types/coverage.type";
import {
  TrainingCertificateType,
  TrainingSessionConnectionType,
  TrainingSessionType,
} from "../types/training.type";

@Resolver()
export class TrainingQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => TrainingSessionType, {
    nullable: true,
    description:
      "A session organised in your area or by a bureau above you (the city's, your banner's); NOT_FOUND otherwise.",
  })
  async trainingSession(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TrainingSession> {
    return getSession(this.deps.services.sessions, await readScope(ctx), id);
  }

  @Query(() => TrainingSessionConnectionType, { description: "Sessions you may see, latest start first." })
  async trainingSessions(
    @Ctx() ctx: GraphQLContext,
    @Arg("filter", () => TrainingSessionFilterInput, { nullable: true })
    filter?: TrainingSessionFilterInput | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<TrainingSessionConnectionType> {
    const page = await searchSessions(this.deps.services.sessions, await readScope(ctx), {
      first: first ?? 20,
      after: sessionAfter(after),
      year: opt(filter?.year),
      kinds: opt(filter?.kinds),
      statuses: opt(filter?.statuses),
      organizerUnitId: opt(filter?.organizerUnitId),
    });
    return toConnection(page);
  }

  @Query(() => TrainingCertificateType, {
    nullable: true,
    description: "A certificate by number, if its holder or organizer is in your area.",
  })
  async trainingCertificate(@Arg("number") number: string, @Ctx() ctx: GraphQLContext): Promise<Certificate> {
    return getCertificate(this.deps.services.certificates, await readScope(ctx), number);
  }

  @Query(() => TrainingCoverageType, {
    description:
      "R6 for a year: the city's comprehensive training and the coverage of each banner in your area (or one banner).",
  })
  async trainingCoverage(
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: GraphQLContext,
    @Arg("bannerId", () => ID, { nullable: true }) bannerId?: string | null,
  ): Promise<CoverageReport> {
    const { coverage, clock } = this.deps.services;
    return coverageReport(coverage, clock, (await ctx.access()).homePath, year, opt(bannerId));
  }
}
