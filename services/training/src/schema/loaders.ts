import { byKey, groupBy, isUuid, perRequest, type GraphQLContext } from "@grassroots/kit";
import DataLoader from "dataloader";
import { coverageReports, type CoverageReport } from "../domain/coverage";
import type { OrgUnitRef } from "../domain/directory";
import type { Page, TrainingServices } from "../domain/ports";
import { sessionsOfOrganizers, type SessionSearch } from "../domain/queries";
import type { Certificate, Enrollment, TrainingSession } from "../domain/training";
import { viewer } from "./context";

/**
 * Per-request batching: the many look-ups of one GraphQL request become one SQL query per loader.
 * Loaders that take the viewer filter in SQL (visible*); the others serve objects already shown.
 */
export interface Loaders {
  visibleSession: DataLoader<string, TrainingSession | null>;
  session: DataLoader<string, TrainingSession | null>;
  visibleEnrollment: DataLoader<string, Enrollment | null>;
  visibleCertificate: DataLoader<string, Certificate | null>;
  /** Federation references: statisticians who hold or held a post in the caller's area. */
  visibleStatistician: DataLoader<string, { id: string } | null>;
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
    const { reads, coverage, clock } = services;
    const bySearch = new Map<string, DataLoader<string, Page<TrainingSession>>>();
    const byYear = new Map<number, DataLoader<string, CoverageReport>>();
    return {
      visibleSession: new DataLoader(async (keys) => byKey(keys, await reads.visibleSessions(onlyUuids(keys), viewer(ctx)), (s) => s.id)),
      session: new DataLoader(async (ids) => byKey(ids, await reads.sessionsByIds(ids), (s) => s.id)),
      visibleEnrollment: new DataLoader(async (keys) => byKey(keys, await reads.visibleEnrollments(onlyUuids(keys), viewer(ctx)), (e) => e.id)),
      visibleCertificate: new DataLoader(async (keys) =>
        byKey(keys, await reads.visibleCertificates({ ids: onlyUuids(keys) }, viewer(ctx)), (c) => c.id),
      ),
      visibleStatistician: new DataLoader(async (keys) => {
        const visible = new Set(await reads.visibleStatisticians(onlyUuids(keys), viewer(ctx)));
        return keys.map((id) => (visible.has(id) ? { id } : null));
      }),
      visibleUnit: new DataLoader(async (keys) => byKey(keys, await reads.visibleUnits(onlyUuids(keys), viewer(ctx)), (u) => u.id)),
      enrolledCount: new DataLoader(async (ids) =>
        byKey(ids, await reads.enrolledCounts(ids), (r) => r.sessionId).map((r) => r?.enrolled ?? 0),
      ),
      enrollmentsOfSession: new DataLoader(async (ids) =>
        groupBy(ids, await reads.enrollmentsOfSessions(ids, viewer(ctx)), (e) => e.sessionId),
      ),
      recordsOfStatistician: new DataLoader(async (ids) =>
        groupBy(ids, await reads.enrollmentsOfStatisticians(ids), (e) => e.statisticianId),
      ),
      certificateOfEnrollment: new DataLoader(async (ids) =>
        byKey(ids, await reads.certificatesOfEnrollments(ids), (c) => c.enrollmentId),
      ),
      certificatesOfStatistician: new DataLoader(async (ids) =>
        groupBy(ids, await reads.certificatesOfStatisticians(ids), (c) => c.statisticianId),
      ),
      sessionsOfOrganizer(search) {
        const key = JSON.stringify(search);
        let loader = bySearch.get(key);
        if (!loader) {
          loader = new DataLoader((keys) => sessionsOfOrganizers(reads, viewer(ctx), keys, search));
          bySearch.set(key, loader);
        }
        return loader;
      },
      coverageWithin(year) {
        let loader = byYear.get(year);
        if (!loader) {
          loader = new DataLoader((paths) => coverageReports(coverage, clock, year, paths.map((path) => ({ path }))));
          byYear.set(year, loader);
        }
        return loader;
      },
    };
  });
}
