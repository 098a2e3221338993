import type { DataSource, EntityManager, EntityTarget } from "typeorm";

type Source = DataSource | EntityManager;
const metadataOf = (source: Source, entity: EntityTarget<unknown>) =>
  ("connection" in source ? source.connection : source).getMetadata(entity);

/**
 * The select list of an entity for a set-wise SQL read, from its metadata (the one place a column meets
 * its field): `alias.column AS "prefixProperty", …`. Dates come back as text (YYYY-MM-DD), as the
 * entity hydrates them, so node-postgres never turns a business date into a local-time Date.
 */
export function selectColumns(
  source: Source,
  entity: EntityTarget<unknown>,
  alias: string,
  prefix = "",
): string {
  return metadataOf(source, entity)
    .columns.map((c) => {
      const cast = c.type === "date" ? "::text" : "";
      return `${alias}.${c.databaseName}${cast} AS "${prefix}${c.propertyName}"`;
    })
    .join(", ");
}

/** The object of one entity out of a joined row selected with `selectColumns(…, prefix)`. */
export function pickColumns<T>(
  source: Source,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix: string,
): T {
  return Object.fromEntries(
    metadataOf(source, entity).columns.map((c) => [c.propertyName, row[`${prefix}${c.propertyName}`]]),
  ) as T;
}

/** A patch without its undefined entries (an omitted field stays as it is). */
export const definedOnly = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
