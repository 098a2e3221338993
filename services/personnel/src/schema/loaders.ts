import {
  byKey,
  type GraphQLContext,
  groupBy,
  isUuid,
  loadersPerRequest,
  readScope,
  unauthenticated,
} from "@grassroots/kit";
import DataLoader from "dataloader";
import type { AssignmentStatus, PostAssignment } from "../domain/assignment";
import type { FilingStep } from "../domain/filing";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { Page, PersonnelServices, PersonRecords, UnitStatisticianRow } from "../domain/ports";
import { evaluateStaffing, type StaffingResult } from "../domain/staffing";
import { publicViewOf, type Statistician, type StatisticianView } from "../domain/statistician";

/** A page of one unit's statisticians (as OrgUnit.statisticians asks for it). */
export interface UnitStatisticiansKey {
  orgUnitId: string;
  statuses: AssignmentStatus[];
  first: number;
  afterId?: string;
}

/**
 * Per-request batching: each loader turns the many look-ups of one GraphQL request (say, every township
 * of a banner asking for its statisticians) into one SQL query. Kept in a WeakMap keyed by the request's
 * context, so nothing outlives the request.
 */
export interface Loaders {
  unit: DataLoader<string, OrgUnitProjection | null>;
  /** Federation references: scoped by the caller's home unit inside the same single query. */
  unitReference: DataLoader<string, OrgUnitProjection | null>;
  statistician: DataLoader<string, Statistician | null>;
  /** Federation references: the person in the caller's area, else their public view (#10.1); null if unknown. */
  statisticianReference: DataLoader<string, StatisticianView | null>;
  assignment: DataLoader<string, PostAssignment | null>;
  /** A person's posts in scope and pre-post certificate, from one statement (they always agree). */
  records: DataLoader<string, PersonRecords>;
  filingSteps: DataLoader<string, FilingStep[]>;
  staffing: DataLoader<string, StaffingResult | null>;
  unitStatisticians: DataLoader<UnitStatisticiansKey, Page<UnitStatisticianRow>, string>;
}

/** Keys from clients (references) may be anything; only uuids can match a row. */
const uuids = (ids: readonly string[]) => ids.filter(isUuid);

/** The request's loaders (created on first use, shared by every resolver of the request). */
export const loaders = loadersPerRequest((ctx: GraphQLContext, services: PersonnelServices): Loaders => {
  const { units, statisticians, assignments, filings, staffing, settings } = services;
  const home = () => {
    if (!ctx.identity) throw unauthenticated();
    return ctx.identity.orgUnitId;
  };
  return {
    unit: new DataLoader(async (ids) =>
      byKey(ids, await units.units(uuids(ids), await readScope(ctx)), (u) => u.id),
    ),
    unitReference: new DataLoader(async (ids) =>
      byKey(ids, await units.unitsVisibleToHome(uuids(ids), home()), (u) => u.id),
    ),
    statistician: new DataLoader(async (ids) =>
      byKey(ids, await statisticians.statisticians(uuids(ids), await readScope(ctx)), (s) => s.id),
    ),
    statisticianReference: new DataLoader(async (ids) =>
      byKey(
        ids,
        (await statisticians.statisticianReferences(uuids(ids), home())).map(({ statistician, inArea }) =>
          inArea ? statistician : publicViewOf(statistician),
        ),
        (s) => s.id,
      ),
    ),
    assignment: new DataLoader(async (ids) =>
      byKey(ids, await assignments.assignments(uuids(ids), await readScope(ctx)), (a) => a.id),
    ),
    records: new DataLoader(async (ids) => {
      const found = byKey(
        ids,
        await statisticians.recordsOf(uuids(ids), await readScope(ctx)),
        (r) => r.statisticianId,
      );
      return found.map((r, i) => r ?? { statisticianId: ids[i], assignments: [], certificate: null });
    }),
    filingSteps: new DataLoader(async (ids) =>
      groupBy(ids, await filings.filingSteps(ids), (s) => s.filingId),
    ),
    staffing: new DataLoader(async (ids) => {
      const rows = await staffing.unitsWithCounts(uuids(ids), await readScope(ctx));
      const results = rows.map(({ unit, counts }) => evaluateStaffing(unit, counts, settings.thresholds));
      return byKey(
        ids,
        results.filter((r): r is StaffingResult => r !== null),
        (r) => r.orgUnitId,
      );
    }),
    unitStatisticians: new DataLoader(
      async (keys) => {
        // One query per distinct page request (statuses, first, after); the same page of many units is one query.
        const groups = new Map<string, UnitStatisticiansKey[]>();
        for (const key of keys) {
          const group = `${key.statuses.join(",")}|${key.first}|${key.afterId ?? ""}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const scope = await readScope(ctx);
        const pages = new Map<UnitStatisticiansKey, Page<UnitStatisticianRow>>();
        for (const group of groups.values()) {
          const { statuses, first, afterId } = group[0];
          const { rows, totals } = await assignments.unitStatisticians(
            uuids(group.map((k) => k.orgUnitId)),
            statuses,
            scope,
            { first, afterId },
          );
          for (const key of group) {
            const mine = rows.filter((r) => r.orgUnitId === key.orgUnitId);
            pages.set(key, {
              items: mine.slice(0, first),
              hasNextPage: mine.length > first,
              totalCount: totals.get(key.orgUnitId) ?? 0,
            });
          }
        }
        return keys.map((k) => pages.get(k)!);
      },
      { cacheKeyFn: (k) => JSON.stringify([k.orgUnitId, k.statuses, k.first, k.afterId ?? null]) },
    ),
  };
});
