import type { EntityManager } from "typeorm";
import {
  ruleStatusContractOf,
  type RuleId,
  type RuleStatusData,
  type RuleStatusResult,
} from "../contracts/rule-status";
import { publishEvent } from "../outbox/outbox-writer";
import { RuleStatusPublishedEntity } from "./entity";
import { publishRuleStatusesInBulk } from "./ledger-bulk";

export type RuleFigures = RuleStatusData["figures"];

/**
 * Publishes a subject's result for a rule if it differs from the last one published (or none was),
 * inside the caller's business transaction: the ledger row and the outbox row commit together or not
 * at all. "Differs" is the status, the figures (jsonb equality: key order does not matter) or the
 * subject's path (a moved unit's results follow it); the reason and asOf follow the figures. Returns
 * whether it published. One upsert decides it, so two transactions computing the same result for the
 * same subject publish it once: the second waits on the first's row and then finds nothing changed.
 */
export async function publishRuleStatusIfChanged(
  manager: EntityManager,
  result: RuleStatusResult,
): Promise<boolean> {
  const data: RuleStatusData = { ...result, republished: false };
  const contract = ruleStatusContractOf(data.rule);
  // Checked before the ledger is written, so a bad result never leaves a row behind in a caught error.
  const parsed = contract.schema.parse(data);
  const changed = (await manager.query(
    `INSERT INTO rule_status_published AS p
       (rule, subject_unit_id, subject_unit_path, period, status, figures, reason, as_of, published_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, now())
     ON CONFLICT (rule, subject_unit_id, period) DO UPDATE SET
       subject_unit_path = EXCLUDED.subject_unit_path, status = EXCLUDED.status, figures = EXCLUDED.figures,
       reason = EXCLUDED.reason, as_of = EXCLUDED.as_of, published_at = now()
     WHERE (p.status, p.figures, p.subject_unit_path)
           IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.figures, EXCLUDED.subject_unit_path)
     RETURNING 1 AS changed`,
    [
      parsed.rule,
      parsed.subjectUnitId,
      parsed.subjectUnitPath,
      parsed.period ?? "",
      parsed.status,
      JSON.stringify(parsed.figures),
      parsed.reason,
      parsed.asOf,
    ],
  )) as unknown[];
  if (changed.length === 0) return false;
  await publishEvent(manager, contract, parsed);
  return true;
}

/** Two figure sets alike as jsonb compares them: the same names with the same values, in any order. */
function sameFigures(a: RuleFigures, b: RuleFigures): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((n) => n in b && a[n] === b[n]);
}

/**
 * `publishRuleStatusIfChanged` for many results (a periodic check of every subject, a consumer batch's
 * units): the ledger rows of all of them are read in ONE statement first, and only the results that
 * differ are written, in one bulk upsert per chunk that decides again under its row locks
 * (`publishRuleStatusesInBulk`; one by one when a subject comes twice, so each result is published as
 * it would be alone). A check that finds nothing changed costs one statement however many subjects;
 * one result costs only its upsert. Returns how many it published.
 */
export async function publishRuleStatusesIfChanged(
  manager: EntityManager,
  results: readonly RuleStatusResult[],
): Promise<number> {
  if (results.length === 0) return 0;
  if (results.length === 1) return (await publishRuleStatusIfChanged(manager, results[0])) ? 1 : 0;
  const stored = (await manager.query(
    `SELECT p.rule, p.subject_unit_id AS "subjectUnitId", p.period, p.subject_unit_path AS "subjectUnitPath",
            p.status, p.figures
       FROM rule_status_published p
       JOIN unnest($1::text[], $2::uuid[], $3::text[]) AS k(rule, subject, period)
         ON p.rule = k.rule AND p.subject_unit_id = k.subject AND p.period = k.period`,
    [results.map((r) => r.rule), results.map((r) => r.subjectUnitId), results.map((r) => r.period ?? "")],
  )) as {
    rule: string;
    subjectUnitId: string;
    period: string;
    subjectUnitPath: string;
    status: string;
    figures: RuleFigures;
  }[];
  const keyOf = (rule: string, subject: string, period: string) => `${rule}|${subject}|${period}`;
  const last = new Map(stored.map((row) => [keyOf(row.rule, row.subjectUnitId, row.period), row]));
  const differ = results.filter((result) => {
    const before = last.get(keyOf(result.rule, result.subjectUnitId, result.period ?? ""));
    return !(
      before !== undefined &&
      before.status === result.status &&
      before.subjectUnitPath === result.subjectUnitPath &&
      sameFigures(before.figures, result.figures)
    );
  });
  const keys = new Set(differ.map((r) => keyOf(r.rule, r.subjectUnitId, r.period ?? "")));
  if (keys.size === differ.length) return publishRuleStatusesInBulk(manager, differ);
  let published = 0;
  for (const result of differ) if (await publishRuleStatusIfChanged(manager, result)) published++;
  return published;
}

const REPUBLISH_BATCH = 500;

/**
 * Publishes every stored current result again (of the given rules, or all), with `republished: true`:
 * for a new consumer or a rebuilt projection. Reads the ledger in keyset batches so its size does not
 * matter to memory. Returns how many events it published.
 */
export async function republishRuleStatuses(
  manager: EntityManager,
  rules?: readonly RuleId[],
): Promise<number> {
  let count = 0;
  let after: [string, string, string] | undefined;
  for (;;) {
    const query = manager
      .createQueryBuilder(RuleStatusPublishedEntity, "r")
      .orderBy("r.rule")
      .addOrderBy("r.subject_unit_id")
      .addOrderBy("r.period")
      .limit(REPUBLISH_BATCH);
    if (rules) query.where("r.rule = ANY(:rules)", { rules: [...rules] });
    if (after) {
      query.andWhere("(r.rule, r.subject_unit_id, r.period) > (:rule, :subject, :period)", {
        rule: after[0],
        subject: after[1],
        period: after[2],
      });
    }
    const rows = await query.getMany();
    for (const row of rows) {
      const data: RuleStatusData = {
        rule: row.rule as RuleId,
        subjectUnitId: row.subjectUnitId,
        subjectUnitPath: row.subjectUnitPath,
        period: row.period === "" ? null : row.period,
        status: row.status as RuleStatusData["status"],
        figures: row.figures,
        reason: row.reason,
        asOf: row.asOf.toISOString(),
        republished: true,
      };
      await publishEvent(manager, ruleStatusContractOf(data.rule), data);
    }
    count += rows.length;
    if (rows.length < REPUBLISH_BATCH) return count;
    const last = rows[rows.length - 1];
    after = [last.rule, last.subjectUnitId, last.period];
  }
}
