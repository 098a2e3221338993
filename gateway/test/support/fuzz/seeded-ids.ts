import { queryDatabase } from "@grassroots/testing";
import type { Connection } from "./fingerprint";

/**
 * Ids of real rows of a service database: a few of every table with a uuid `id` (chosen at random, so
 * mostly of banners other than the caller's), for inputs that point at things that exist.
 */
export async function seededIds(url: string, perTable = 6): Promise<string[]> {
  const tables = await queryDatabase<{ table_name: string }>(
    url,
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
  );
  if (tables.length === 0) return [];
  const union = tables
    .map((t) => `(SELECT id::text AS id FROM "${t.table_name}" ORDER BY random() LIMIT ${perTable})`)
    .join(" UNION ALL ");
  return (await queryDatabase<{ id: string }>(url, union)).map((r) => r.id);
}

/** How many outbox rows the relay has not sent yet, over the given databases. */
export async function unsentEvents(connections: Connection[]): Promise<number> {
  const counts = await Promise.all(
    connections.map(async (c) => {
      const [row] = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`,
      );
      return row.n;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
