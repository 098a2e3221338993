import type { DataSource } from "typeorm";
import type { GraphQLResult } from "./graphql-client";

/** A fingerprint of the named tables: equal before and after means nothing was written. */
export async function fingerprint(dataSource: DataSource, tables: string[]): Promise<string> {
  const parts = await Promise.all(
    tables.map(async (t) => {
      const [row] = await dataSource.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM ${t} t`,
      );
      return `${t}:${row.n}:${row.h}`;
    }),
  );
  return parts.join("|");
}

/** Expects exactly one error with this code; returns its message for further checks. */
export function expectError(result: GraphQLResult, code: string): string {
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  return result.errors![0].message;
}

/**
 * Runs a call that must be refused: asserts the error code, and that none of the tables (list the
 * business tables and "outbox") changed. Returns the message so a test can check it names the fix.
 */
export async function expectRefused(
  dataSource: DataSource,
  tables: string[],
  code: string,
  call: () => Promise<GraphQLResult>,
): Promise<string> {
  const before = await fingerprint(dataSource, tables);
  const result = await call();
  const message = expectError(result, code);
  expect(await fingerprint(dataSource, tables)).toBe(before);
  return message;
}

/** Event types in the outbox, in commit order. */
export async function outboxTypes(dataSource: DataSource): Promise<string[]> {
  const rows: { type: string }[] = await dataSource.query(`SELECT type FROM outbox ORDER BY seq`);
  return rows.map((r) => r.type);
}
