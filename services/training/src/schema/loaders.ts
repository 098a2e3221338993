import { byKey, groupBy, isUuid, perArgument, perRequest, type GraphQLContext } from "@grassroots/kit";
import DataLoader from "dataloader";
import { coverageReports, type CoverageReport } from "../domain/coverage";
import type { OrgUnitRef } from "../domain/directory";
import type { Page, TrainingServices } from "../domain/ports";
import { sessionsOfOrganizers, type SessionSearch } from "../domain/queries";
import {
  certificateView,
  enrollmentView,
  sessionView,
  type CertificateView,
  type EnrollmentView,
  type SessionView,
} from "../domain/public-view";
import type { Certificate, Enrollment, TrainingSession } from "../domain/training";
import { homeUnitOf, readScope } from "./context";

/**
 * Per-request batching: the many look-ups of one GraphQL request become one SQL query per loader.
 * References (the *View loaders) and the area checks of other services' entities compute the caller's
 * area from their home unit inside their one statement; nested lists take `readScope(ctx)`; the
 * others serve objects already shown.
 */
export interface Loaders {
  /**
   * Training's own entities by id as the caller may see them: the whole record, or its public view
   * (src/domain/public-view.ts); null only when there is no such row. References, and the session of
   * an enrolment or certificate, resolve through these.
   */
  sessionView: DataLoader<string, SessionView | null>;
  enrollmentView: DataLoader<string, EnrollmentView | null>;
  certificateView: DataLoader<string, CertificateView | null>;
  /** Statisticians who hold or held a post in the caller's area (training's fields on Statistician are null for the others). */
  visibleStatistician: DataLoader<string, { id: string } | null>;
  /** Units in the caller's area (training's fields on OrgUnit are null for the others). */
  visibleUnit: DataLoader<string, OrgUnitRef | null>;
  enrolledCount: DataLoader<string, number>;
  enrollmentsOfSession: DataLoader<string, Enrollment[]>;
  recordsOfStatistician: DataLoader<string, Enrollment[]>;
  certificateOfEnrollment: DataLoader<string, Certificate | null>;
  certificatesOfStatistician: DataLoader<string, Certificate[]>;
  /** OrgUnit.trainingSessions: one loader per argument set, one query for every unit asked with it. */
  sessionsOfOrganizer(search: SessionSearch): DataLoader<string, Page<TrainingSession>>;
  /** OrgUnit.trainingCoverage: one loader per year, keyed by the unit's path; the same few statements for any number of units. */
  coverageWithin(year: number): DataLoader<string, CoverageReport>;
}

export type LoadersOf = (ctx: GraphQLContext) => Loaders;

/** Keys from clients (references) may be anything; only uuids can match a row. */
const onlyUuids = (keys: readonly string[]) => keys.filter(isUuid);

export function loadersFor(services: TrainingServices): LoadersOf {
  return perRequest((ctx: GraphQLContext): Loaders => {
    const { sessions, enrollments, certificates, areas, coverage, clock } = services;
    return {
      sessionView: new DataLoader(async (keys) =>
        byKey(keys, await sessions.referenced(onlyUuids(keys), homeUnitOf(ctx)), (v) => v.entity.id).map(
          (v) => v && sessionView(v.entity, v.inYourArea),
        ),
      ),
      enrollmentView: new DataLoader(async (keys) =>
        byKey(keys, await enrollments.referenced(onlyUuids(keys), homeUnitOf(ctx)), (v) => v.entity.id).map(
          (v) => v && enrollmentView(v.entity, v.inYourArea),
        ),
      ),
      certificateView: new DataLoader(async (keys) =>
        byKey(keys, await certificates.referenced(onlyUuids(keys), homeUnitOf(ctx)), (v) => v.entity.id).map(
          (v) => v && certificateView(v.entity, v.inYourArea),
        ),
      ),
      visibleStatistician: new DataLoader(async (keys) => {
        const visible = new Set(await areas.statisticians(onlyUuids(keys), homeUnitOf(ctx)));
        return keys.map((id) => (visible.has(id) ? { id } : null));
      }),
      visibleUnit: new DataLoader(async (keys) =>
        byKey(keys, await areas.units(onlyUuids(keys), homeUnitOf(ctx)), (u) => u.id),
      ),
      enrolledCount: new DataLoader(async (ids) =>
        byKey(ids, await sessions.enrolledCounts(ids), (r) => r.sessionId).map((r) => r?.enrolled ?? 0),
      ),
      enrollmentsOfSession: new DataLoader(async (ids) =>
        groupBy(ids, await enrollments.ofSessions(ids, await readScope(ctx)), (e) => e.sessionId),
      ),
      recordsOfStatistician: new DataLoader(async (ids) =>
        groupBy(ids, await enrollments.ofStatisticians(ids), (e) => e.statisticianId),
      ),
      certificateOfEnrollment: new DataLoader(async (ids) =>
        byKey(ids, await certificates.ofEnrollments(ids), (c) => c.enrollmentId),
      ),
      certificatesOfStatistician: new DataLoader(async (ids) =>
        groupBy(ids, await certificates.ofStatisticians(ids), (c) => c.statisticianId),
      ),
      sessionsOfOrganizer: perArgument(
        (search: SessionSearch) =>
          new DataLoader<string, Page<TrainingSession>>(async (keys) =>
            sessionsOfOrganizers(sessions, await readScope(ctx), keys, search),
          ),
      ),
      coverageWithin: perArgument(
        (year: number) =>
          new DataLoader<string, CoverageReport>((paths) =>
            coverageReports(
              coverage,
              clock,
              year,
              paths.map((path) => ({ path })),
            ),
          ),
      ),
    };
  });
}
