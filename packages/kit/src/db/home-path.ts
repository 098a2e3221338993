import type { DataSource } from "typeorm";
import type { HomePathLookup } from "../graphql/context";
import { isUuid } from "../validation/value-checks";

/**
 * The kit's access check (`homePathOf`): the path of the caller's home unit if it is known and active,
 * else undefined (the caller then sees nothing).
 *
 * Contract: the service's database has the table `org_unit(id uuid, path text, active boolean)` —
 * organization's own tree, or the projection of it that @grassroots/org-projection creates and keeps
 * (`createOrgUnitProjectionTable`) in every service that consumes organization's units. A service
 * without it passes its own `homePathOf` in its wiring.
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
