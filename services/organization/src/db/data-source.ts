import { OutboxAndInbox1764100000000 } from "@grassroots/events";
import { createDataSource, type HomePathLookup } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { isUuid } from "@grassroots/kit";
import { OrgUnitEntity, RegisterCountEntity } from "./entities/org-unit.entity";
import {
  AssessmentEntity,
  AssessmentItemEntity,
  StandardEntity,
  StandardItemEntity,
} from "./entities/standardization.entity";
import { OrgUnits1764200000000 } from "./migrations/1764200000000-org-units";
import { Standardization1764200001000 } from "./migrations/1764200001000-standardization";

export const entities = [
  OrgUnitEntity,
  RegisterCountEntity,
  StandardEntity,
  StandardItemEntity,
  AssessmentEntity,
  AssessmentItemEntity,
];

/** In order; the outbox/inbox tables come from @grassroots/events. */
export const migrations = [OutboxAndInbox1764100000000, OrgUnits1764200000000, Standardization1764200001000];

export function createOrganizationDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({ url, poolSize, entities, migrations, applicationName: "organization" });
}

/** For the kit's access check: the path of a caller's home unit, if it exists and is active. */
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
