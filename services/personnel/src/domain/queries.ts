import { notFoundInArea } from "@grassroots/kit/errors";
import { checkPageSize, decodeCursor } from "@grassroots/kit/validation";
import type { Filing, FilingStatus } from "./filing";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type {
  FilingReads,
  OrgUnitReads,
  Page,
  PersonnelServices,
  PersonnelSettings,
  Scope,
  StaffingReads,
  StatisticianReads,
} from "./ports";
import { evaluateStaffing, STAFFED_KINDS, type StaffingResult } from "./staffing";
import type { Statistician } from "./statistician";
import { checkText, isUuid } from "./values";

/**
 * Reads, always inside the caller's subtree. Something outside it answers NOT_FOUND exactly as
 * something that does not exist (the kit's notFoundInArea, worded as the commands word it), and the
 * area is checked before any argument is validated.
 */
const UUID = /^[0-9a-f-]{36}$/;

/** The key an `after` cursor of this kind holds (BAD_USER_INPUT when it is not one this API returned). */
export const decodeIdCursor = (kind: string, cursor: string | null | undefined) =>
  decodeCursor(kind, cursor, UUID);

export async function getStatistician(
  reads: StatisticianReads,
  scope: Scope,
  id: string,
): Promise<Statistician> {
  const [person] = isUuid(id) ? await reads.statisticians([id], scope) : [];
  if (!person) throw notFoundInArea("Statistician", id);
  return person;
}

export async function getUnit(
  reads: OrgUnitReads,
  scope: Scope,
  id: string,
  what = "Org unit",
): Promise<OrgUnitProjection> {
  const [unit] = isUuid(id) ? await reads.units([id], scope) : [];
  if (!unit) throw notFoundInArea(what, id);
  return unit;
}

export interface StatisticianSearch {
  nameContains?: string;
  orgUnitId?: string;
  includeSample?: boolean;
  first?: number;
  /** A cursor from a previous page. */
  after?: string | null;
}

export async function searchStatisticians(
  reads: Pick<PersonnelServices, "units" | "statisticians">,
  scope: Scope,
  input: StatisticianSearch,
): Promise<Page<Statistician>> {
  const under = input.orgUnitId ? await getUnit(reads.units, scope, input.orgUnitId) : undefined;
  const first = checkPageSize(input.first);
  const nameContains =
    input.nameContains === undefined ? undefined : checkText(input.nameContains, "nameContains", 50, 0);
  const afterId = decodeIdCursor("statistician", input.after);
  return reads.statisticians.searchStatisticians(
    {
      nameContains: nameContains || undefined,
      underPath: under?.path,
      includeSample: input.includeSample ?? true,
    },
    scope,
    { first, afterId },
  );
}

export async function getFiling(reads: FilingReads, scope: Scope, id: string): Promise<Filing> {
  const [filing] = isUuid(id) ? await reads.filings([id], scope) : [];
  if (!filing) throw notFoundInArea("Filing", id);
  return filing;
}

export interface FilingSearch {
  statuses?: FilingStatus[];
  bannerId?: string;
  orgUnitId?: string;
  statisticianId?: string;
  overdueOnly?: boolean;
  first?: number;
  /** A cursor from a previous page. */
  after?: string | null;
}

/** Filings in scope, oldest submission first; `overdueOnly`: not filed by submission date + FILING_DUE_DAYS. */
export async function searchFilings(
  reads: Pick<PersonnelServices, "units" | "filings">,
  scope: Scope,
  settings: PersonnelSettings,
  today: string,
  input: FilingSearch,
): Promise<Page<Filing>> {
  const under = input.orgUnitId ? await getUnit(reads.units, scope, input.orgUnitId) : undefined;
  const first = checkPageSize(input.first);
  const afterId = decodeIdCursor("filing", input.after);
  return reads.filings.searchFilings(
    {
      statuses: input.statuses?.length ? input.statuses : undefined,
      bannerId: input.bannerId,
      underPath: under?.path,
      statisticianId: input.statisticianId,
      overdue: input.overdueOnly ? { dueDays: settings.filingDueDays, today } : undefined,
    },
    scope,
    { first, afterId },
  );
}

export interface UnitStaffing {
  unit: OrgUnitProjection;
  staffing: StaffingResult;
}

export interface BannerStaffingReport {
  banner: OrgUnitProjection;
  /** Active units in the banner (in your area) that R3 or R4 covers. */
  unitsEvaluated: number;
  compliantUnits: number;
  /** Units with gaps (or every unit, when asked), in code order: each township before its villages. */
  units: UnitStaffing[];
}

/**
 * The staffing picture of one banner: every unit R3/R4 covers, evaluated from one SQL query (units,
 * register counts and staff counts together) whatever the number of units.
 */
export async function bannerStaffing(
  reads: StaffingReads,
  scope: Scope,
  settings: PersonnelSettings,
  bannerId: string,
  includeCompliant: boolean,
): Promise<BannerStaffingReport> {
  if (!isUuid(bannerId)) throw notFoundInArea("Banner", bannerId);
  const { banner, units } = await reads.bannerUnits(bannerId, scope, STAFFED_KINDS);
  // A caller below banner level sees their part of their own banner; any other banner is NOT_FOUND.
  if (!banner || !(banner.path.startsWith(scope) || scope.startsWith(banner.path)))
    throw notFoundInArea("Banner", bannerId);
  const evaluated = units.map(({ unit, counts }) => ({
    unit,
    staffing: evaluateStaffing(unit, counts, settings.thresholds)!,
  }));
  const compliantUnits = evaluated.filter((u) => u.staffing.compliant).length;
  return {
    banner,
    unitsEvaluated: evaluated.length,
    compliantUnits,
    units: includeCompliant ? evaluated : evaluated.filter((u) => !u.staffing.compliant),
  };
}
