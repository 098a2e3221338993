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
