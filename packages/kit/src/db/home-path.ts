import type { DataSource } from "typeorm";
import type { HomePathLookup } from "../graphql/context";
import { isUuid } from "../validation/value-checks";

/**
 * The kit's access check (`homePathOf`) for a service whose database has an `org_unit` table with
 * `id`, `path` and `active` — organization's own tree, or another service's projection of it: the path
 * of the caller's home unit if it is known and active, else undefined (the caller then sees nothing).
 */
export function orgUnitHomePath(dataSource: DataSource): HomePathLookup {
  return async (orgUnitId) => {
    if (!isUuid(orgUnitId)) return undefined;
    const rows: { path: string }[] = await dataSource.query(
      `SELECT path FROM org_unit WHERE id = $1 AND active`,
      [orgUnitId],
    );
    return rows[0]?.path;
  };
}
