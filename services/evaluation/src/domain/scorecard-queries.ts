import { notFoundInArea } from "@grassroots/kit/errors";
import type { EvaluationServices, Scope } from "./ports";
import { scorecardOf, sortWorstFirst, type UnitScorecard } from "./scorecard";

const NONE = { open: 0, overdue: 0 };

/** A unit's whole picture: its own scorecard and every active unit below it in the scope, worst first. */
export interface ScorecardPicture {
  year: number;
  unit: UnitScorecard;
  /** The units below it (not itself), worst first. */
  units: UnitScorecard[];
}

/** The year a scorecard is for: the one asked, or the business date's. */
export const yearOf = (services: Pick<EvaluationServices, "clock">, year?: number | null): number =>
  year ?? Number(services.clock.today().slice(0, 4));

/** Scorecards of units by id, in order; null for a unit outside the scope. Three statements for any number. */
export async function scorecardsOf(
  services: EvaluationServices,
  scope: Scope,
  ids: readonly string[],
  year: number,
): Promise<(UnitScorecard | null)[]> {
  const { scorecards, clock, weights } = services;
  const units = await scorecards.units(ids, scope);
  const unitIds = units.map((u) => u.id);
  const [rows, findings] = await Promise.all([
    scorecards.statuses(unitIds, year),
    scorecards.findings(unitIds, clock.today()),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  return ids.map((id) => {
    const unit = byId.get(id);
    return unit ? scorecardOf(unit, year, rows, findings.get(id) ?? NONE, weights) : null;
  });
}

/**
 * A banner's (or any unit's) whole picture in a fixed number of statements whatever its size: the
 * unit, its subtree, their rule statuses, their findings. NOT_FOUND when the unit is outside the scope.
 */
export async function scorecardPicture(
  services: EvaluationServices,
  scope: Scope,
  unitId: string,
  year: number,
): Promise<ScorecardPicture> {
  const { scorecards, clock, weights } = services;
  const [root] = await scorecards.units([unitId], scope);
  if (!root) throw notFoundInArea("Org unit", unitId, "unitId");
  const units = await scorecards.subtree(root.path, scope);
  const unitIds = units.map((u) => u.id);
  const [rows, findings] = await Promise.all([
    scorecards.statuses(unitIds, year),
    scorecards.findings(unitIds, clock.today()),
  ]);
  const cards = units.map((u) => scorecardOf(u, year, rows, findings.get(u.id) ?? NONE, weights));
  const own = cards.find((c) => c.unit.id === root.id) ?? scorecardOf(root, year, rows, NONE, weights);
  return { year, unit: own, units: sortWorstFirst(cards.filter((c) => c.unit.id !== root.id)) };
}
