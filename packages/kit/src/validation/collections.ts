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

/**
 * Items in rounds: round k holds each key's k-th item, in the items' order. Applying the rounds one
 * after another keeps each key's order while every round holds a key at most once (what one
 * set-wise upsert can take: ON CONFLICT cannot touch a row twice in a statement).
 */
export function roundsBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}
