import type { EntityManager } from "typeorm";
import type { StatusCounts } from "../../rules/r12-metrics";

/**
 * R12 metrics' one statement: per subject, the status counts per rule of its subtree's results as
 * they stood at the end of the cut-off date (Beijing time), standing rules and the year's, from the
 * history of every result received. Shared by the scoring command (in its transaction) and the reads.
 */
export async function statusCountsAt(
  manager: EntityManager,
  subjects: readonly { id: string; path: string }[],
  year: number,
  cutOffDate: string,
): Promise<Map<string, Map<string, StatusCounts>>> {
  const result = new Map(subjects.map((s) => [s.id, new Map<string, StatusCounts>()]));
  if (subjects.length === 0) return result;
  const rows: { subject: string; rule: string; status: string; n: number }[] = await manager.query(
    `WITH at_cut_off AS (
       SELECT DISTINCT ON (h.rule, h.subject_unit_id, h.period_key) h.rule, h.subject_unit_path, h.status
         FROM rule_status_history h
        WHERE h.period_key IN ('-', $3) AND h.as_of < ($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        ORDER BY h.rule, h.subject_unit_id, h.period_key, h.as_of DESC)
     SELECT s.id::text AS subject, c.rule, c.status, count(*)::int AS n
       FROM unnest($1::uuid[], $2::text[]) AS s(id, path)
       JOIN at_cut_off c ON c.subject_unit_path LIKE s.path || '%'
      GROUP BY s.id, c.rule, c.status`,
    [subjects.map((s) => s.id), subjects.map((s) => s.path), String(year), cutOffDate],
  );
  for (const row of rows) {
    const byRule = result.get(row.subject)!;
    byRule.set(row.rule, { ...byRule.get(row.rule), [row.status]: row.n });
  }
  return result;
}
