import type { Client } from "pg";

/** Cumulative execution time per statement of the suite's databases (pg_stat_statements), to diff. */
export interface StatementTime {
  key: string;
  service: string;
  calls: number;
  totalMs: number;
  rows: number;
  query: string;
}

export async function statementTimes(
  admin: Client,
  databases: Record<string, string>,
): Promise<StatementTime[]> {
  const serviceOf = Object.fromEntries(Object.entries(databases).map(([service, db]) => [db, service]));
  const { rows } = await admin.query(
    `SELECT d.datname, s.queryid::text AS queryid, sum(s.calls)::bigint AS calls,
            sum(s.total_exec_time) AS total, sum(s.rows)::bigint AS rows, min(s.query) AS query
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = ANY($1) GROUP BY d.datname, s.queryid`,
    [Object.values(databases)],
  );
  return rows.map((r) => ({
    key: `${r.datname}:${r.queryid}`,
    service: serviceOf[r.datname] ?? r.datname,
    calls: Number(r.calls),
    totalMs: Number(r.total),
    rows: Number(r.rows),
    query: r.query,
  }));
}

/** What each statement did between two snapshots: the ones that ran, by database time, most first. */
export function statementsBetween(before: StatementTime[], after: StatementTime[]): StatementTime[] {
  const earlier = new Map(before.map((s) => [s.key, s]));
  return after
    .map((s) => {
      const b = earlier.get(s.key);
      return {
        ...s,
        calls: s.calls - (b?.calls ?? 0),
        totalMs: Math.round((s.totalMs - (b?.totalMs ?? 0)) * 10) / 10,
        rows: s.rows - (b?.rows ?? 0),
      };
    })
    .filter((s) => s.calls > 0)
    .sort((a, b) => b.totalMs - a.totalMs);
}
