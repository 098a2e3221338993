/**
 * Plain collection helpers (no DataLoader, GraphQL or TypeORM): a batch returns rows in any order,
 * a caller wants one result (or group) per key, in key order. Loaders and domain code use them alike.
 */

/** One row (or null) per key. */
export const byKey = <T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] => {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
};

/** The rows of each key (empty when none), keeping the rows' order. */
export const groupBy = <T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] => {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
};
