import type { EntityManager } from "typeorm";
import { ruleStatusContractOf, type RuleStatusData, type RuleStatusResult } from "../contracts/rule-status";
import { OUTBOX_BULK_CHUNK, publishEvents } from "../outbox/outbox-bulk-writer";

/**
 * `publishRuleStatusIfChanged` for many subjects at once (a bulk import's new units): each result is
 * checked against its contract, ONE upsert per chunk decides which differ from the ledger (the same
 * condition: status, figures, path) and returns them, and those are published with `publishEvents`.
 * Two results for one (rule, subject, period) keep the last. Returns how many it published.
 */
export async function publishRuleStatusesInBulk(
  manager: EntityManager,
  results: readonly RuleStatusResult[],
  chunk = OUTBOX_BULK_CHUNK,
): Promise<number> {
  const byKey = new Map<string, RuleStatusData>();
  for (const result of results) {
    const data = ruleStatusContractOf(result.rule).schema.parse({ ...result, republished: false });
    byKey.set(`${data.rule}|${data.subjectUnitId}|${data.period ?? ""}`, data);
  }
  const all = [...byKey.values()];
  let published = 0;
  for (let start = 0; start < all.length; start += chunk) {
    const part = all.slice(start, start + chunk);
    const changed = (await manager.query(
      `INSERT INTO rule_status_published AS p
         (rule, subject_unit_id, subject_unit_path, period, status, figures, reason, as_of, published_at)
       SELECT r.rule, r.subject, r.path, r.period, r.status, r.figures::jsonb, r.reason, r.as_of, now()
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::timestamptz[]) AS r(rule, subject, path, period, status, figures, reason, as_of)
       ON CONFLICT (rule, subject_unit_id, period) DO UPDATE SET
         subject_unit_path = EXCLUDED.subject_unit_path, status = EXCLUDED.status, figures = EXCLUDED.figures,
         reason = EXCLUDED.reason, as_of = EXCLUDED.as_of, published_at = now()
       WHERE (p.status, p.figures, p.subject_unit_path)
             IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.figures, EXCLUDED.subject_unit_path)
       RETURNING p.rule, p.subject_unit_id AS subject, p.period`,
      [
        part.map((d) => d.rule),
        part.map((d) => d.subjectUnitId),
        part.map((d) => d.subjectUnitPath),
        part.map((d) => d.period ?? ""),
        part.map((d) => d.status),
        part.map((d) => JSON.stringify(d.figures)),
        part.map((d) => d.reason),
        part.map((d) => d.asOf),
      ],
    )) as { rule: string; subject: string; period: string }[];
    const keys = new Set(changed.map((c) => `${c.rule}|${c.subject}|${c.period}`));
    const events = part
      .filter((d) => keys.has(`${d.rule}|${d.subjectUnitId}|${d.period ?? ""}`))
      .map((data) => ({ contract: ruleStatusContractOf(data.rule), data }));
    await publishEvents(manager, events, chunk);
    published += events.length;
  }
  return published;
}
