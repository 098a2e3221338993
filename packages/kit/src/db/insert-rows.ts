import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/** Rows per statement: a few MB of JSON, whatever the size of the batch. */
export const BULK_ROWS_PER_STATEMENT = 5000;

/** A value as jsonb_populate_recordset reads it into its column's type. */
const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * Inserts entity objects with one INSERT … SELECT FROM jsonb_populate_recordset per BULK_ROWS_PER_STATEMENT
 * rows: the entity's mapped columns (generated ones left to the database), converted by the column
 * types as the database's own input functions do. `conflict` is appended as it is (an upsert). For
 * bulk paths (the seeds) where one INSERT per row would dominate.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
  conflict = "",
): Promise<void> {
  if (rows.length === 0) return;
  const meta = manager.connection.getMetadata(entity);
  const columns = meta.columns.filter((c) => !c.isGenerated);
  const names = columns.map((c) => `"${c.databaseName}"`).join(", ");
  for (let start = 0; start < rows.length; start += BULK_ROWS_PER_STATEMENT) {
    const json = rows
      .slice(start, start + BULK_ROWS_PER_STATEMENT)
      .map((row) =>
        Object.fromEntries(columns.map((c) => [c.databaseName, jsonValue(c.getEntityValue(row))])),
      );
    await manager.query(
      `INSERT INTO "${meta.tableName}" (${names})
       SELECT ${names} FROM jsonb_populate_recordset(NULL::"${meta.tableName}", $1::jsonb) ${conflict}`,
      [JSON.stringify(json)],
    );
  }
}
