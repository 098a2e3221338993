import type { DataSource, EntityMetadata, ObjectLiteral } from "typeorm";

/**
 * Hand-written SQL (window functions, visibility subqueries) that still returns domain objects: the
 * select list and the row mapping come from the TypeORM entity's metadata, so columns are named once.
 */
export interface RawShape<T> {
  /** `alias.column AS "property"` for every column; dates as text (business dates stay YYYY-MM-DD). */
  columns(alias: string): string;
  map(row: ObjectLiteral): T;
}

export function rawShape<T>(dataSource: DataSource, entity: new () => T): RawShape<T> {
  const meta: EntityMetadata = dataSource.getMetadata(entity);
  return {
    columns: (alias) =>
      meta.columns
        .map((c) => `${alias}.${c.databaseName}${c.type === "date" ? "::text" : ""} AS "${c.propertyName}"`)
        .join(", "),
    map: (row) => {
      const out: ObjectLiteral = {};
      for (const c of meta.columns) {
        const value = row[c.propertyName];
        const transformer = Array.isArray(c.transformer) ? undefined : c.transformer;
        out[c.propertyName] = transformer ? transformer.from(value) : value;
      }
      return out as T;
    },
  };
}
