/** Unsent rows counted one by one; beyond them the count is the span of their seq (an upper bound). */
export const OUTBOX_LAG_COUNTED = 10_000;

/**
 * How many outbox rows are unsent and how old the oldest is, at a cost bounded whatever the backlog:
 * the first OUTBOX_LAG_COUNTED unsent rows by seq are counted on outbox_unsent_idx; when there are
 * more, the rest is the seq span up to the last unsent row (two index ends; gaps left by rolled-back
 * transactions make it an upper bound). The age is the oldest of the counted rows, the ones first in
 * line. A plain count(*) read all of a national import's 1.2 M unsent rows, once a second in the
 * relay and every 5 s in the lag watch, and took the relay's database time from sending them (#15).
 */
export const OUTBOX_LAG_SQL = `
  WITH head AS (SELECT seq, time FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ${OUTBOX_LAG_COUNTED})
  SELECT (SELECT count(*)::int FROM head) AS counted,
         (SELECT max(seq) FROM head)::text AS "lastCounted",
         (SELECT seq FROM outbox WHERE sent_at IS NULL ORDER BY seq DESC LIMIT 1)::text AS "lastUnsent",
         EXTRACT(EPOCH FROM now() - (SELECT min(time) FROM head))::float AS age`;

export interface OutboxLagRow {
  counted: number;
  lastCounted: string | null;
  lastUnsent: string | null;
  age: number | null;
}

/** The reading's pending count and age in seconds (0 when nothing is pending). */
export function outboxLagOf(row: OutboxLagRow): { pending: number; ageSeconds: number } {
  const beyond =
    row.counted >= OUTBOX_LAG_COUNTED && row.lastCounted !== null && row.lastUnsent !== null
      ? Number(BigInt(row.lastUnsent) - BigInt(row.lastCounted))
      : 0;
  return { pending: row.counted + beyond, ageSeconds: row.age ?? 0 };
}
