import { OutboxAndInbox1764100000000 } from "@grassroots/events";
import { createDataSource, type HomePathLookup } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { isUuid } from "../domain/values";
import { Personnel1764300000000 } from "./migrations/1764300000000-personnel";

/** In order; the outbox/inbox tables come from @grassroots/events. Repositories use SQL, no entities. */
export const migrations = [OutboxAndInbox1764100000000, Personnel1764300000000];

export function createPersonnelDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({ url, poolSize, entities: [], migrations, applicationName: "personnel" });
}

/** For the kit's access check: the caller's home unit path, from the org projection (active units only). */
export function homePathLookup(dataSource: DataSource): HomePathLookup {
  return async (orgUnitId) => {
    if (!isUuid(orgUnitId)) return undefined;
    const rows: { path: string }[] = await dataSource.query(
      `SELECT path FROM org_unit WHERE id = $1 AND active`,
      [orgUnitId],
    );
    return rows[0]?.path;
  };
}
