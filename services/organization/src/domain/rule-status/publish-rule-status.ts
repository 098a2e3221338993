import { POST_REQUIRED_KINDS, postEstablishedStatus } from "../../rules/r1-statistics-posts";
import { standardizationStatus } from "../../rules/r2-standardization";
import type { OrgUnit } from "../org-unit";
import type { Transaction } from "../ports";

/**
 * R1 and R2 results through the rule-status ledger: each call publishes only when the subject's result
 * flipped (or its figures or path changed), so commands call these after every write that may matter.
 */

/** A unit's R1 result after it was created, changed, moved or deactivated (no-op for a kind without a post). */
export async function publishPostStatus(tx: Transaction, unit: OrgUnit): Promise<void> {
  const result = postEstablishedStatus(unit);
  if (result) await tx.ruleStatus.publishIfChanged(result);
}

/** A township's R2 result for a year, from that year's deciding assessment. */
export async function publishStandardizationStatus(
  tx: Transaction,
  unit: OrgUnit,
  year: number,
): Promise<void> {
  const [deciding] = await tx.ruleSubjects.latestAssessmentsPerYear(unit.id, year);
  if (deciding) await tx.ruleStatus.publishIfChanged(standardizationStatus(unit, deciding));
}

/** A moved unit's R1 result and its R2 result of every year (the results carry its new path). */
export async function publishMovedUnitStatuses(tx: Transaction, unit: OrgUnit): Promise<void> {
  const post = postEstablishedStatus(unit);
  const years = (await tx.ruleSubjects.latestAssessmentsPerYear(unit.id)).map((a) =>
    standardizationStatus(unit, a),
  );
  await tx.ruleStatus.publishAllIfChanged([...(post ? [post] : []), ...years]);
}

/**
 * Every subject's current R1 and R2 result, computed once: fills the ledger of a database that predates
 * it and catches up anything missed. Returns how many results it published (those that changed).
 */
export async function backfillRuleStatuses(tx: Transaction): Promise<number> {
  const units = await tx.ruleSubjects.unitsOfKinds(POST_REQUIRED_KINDS);
  const byId = new Map(units.map((u) => [u.id, u]));
  const posts = units.flatMap((unit) => postEstablishedStatus(unit) ?? []);
  const standardization = (await tx.ruleSubjects.latestAssessmentsPerYear()).flatMap((assessment) => {
    const unit = byId.get(assessment.orgUnitId);
    return unit ? [standardizationStatus(unit, assessment)] : [];
  });
  return tx.ruleStatus.publishAllIfChanged([...posts, ...standardization]);
}
