import { createRequire } from "node:module";
import { queryDatabase } from "@grassroots/testing";

// A fingerprint of a whole service database in one SQL statement: per table its row count and the
// sum of its rows' hashes. Left out: TypeORM's `migrations` table (written only at start) and the
// outbox's `sent_at`, which the relay sets on its own a moment after a commit — a refused call adds
// no outbox row, which the rest of the row (id, topic, data…) shows. Everything else is in: business
// tables, projections, the inbox, idempotency keys (a refused request must store no key either).

export interface ServiceFingerprint {
  /** The one statement; its single row's `fp` is equal before and after when nothing was written. */
  sql: string;
  tables: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function fingerprintOf(url: string): Promise<ServiceFingerprint> {
  const tables = (
    await queryDatabase<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
        ORDER BY table_name`,
    )
  ).map((r) => r.table_name);
  const outboxColumns = (
    await queryDatabase<{ column_name: string }>(
      url,
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'outbox' AND column_name <> 'sent_at'
        ORDER BY ordinal_position`,
    )
  ).map((r) => `t.${quote(r.column_name)}`);
  const parts = tables.map((table) => {
    const row = table === "outbox" ? `ROW(${outboxColumns.join(", ")})::text` : "t::text";
    return `(SELECT '${table}:' || count(*) || ':' || coalesce(sum(hashtext(${row})::bigint), 0) FROM ${quote(table)} t)`;
  });
  return { sql: `SELECT concat_ws('|', ${parts.join(", ")}) AS fp`, tables };
}

/** One open connection per service database (the fingerprints run thousands of times). */
export interface Connection {
  query<T>(text: string): Promise<T[]>;
  end(): Promise<void>;
}

interface PgClient {
  connect(): Promise<void>;
  query(text: string): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}

export async function connect(url: string): Promise<Connection> {
  // `pg` is the testing package's dependency, not the gateway's: loaded from there.
  const pg = createRequire(require.resolve("@grassroots/testing"))("pg") as {
    Client: new (options: { connectionString: string }) => PgClient;
  };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T>(text: string) => (await client.query(text)).rows as T[],
    end: () => client.end(),
  };
}

export async function fingerprintOn(connection: Connection, fp: ServiceFingerprint): Promise<string> {
  const [row] = await connection.query<{ fp: string }>(fp.sql);
  return row.fp;
}
