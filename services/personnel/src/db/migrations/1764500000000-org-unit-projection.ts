import { upgradeOrgUnitProjectionTable } from "@grassroots/org-projection";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * #9: personnel's org_unit projection in the one shape @grassroots/org-projection owns (the same
 * table in every service that consumes organization's units): `received_at` becomes `projected_at`;
 * depth, register_count, the CHECKs and the indexes personnel had already. Rows are kept as they are.
 */
export class OrgUnitProjection1764500000000 implements MigrationInterface {
  name = "OrgUnitProjection1764500000000";

  async up(q: QueryRunner): Promise<void> {
    await upgradeOrgUnitProjectionTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE org_unit RENAME COLUMN projected_at TO received_at`);
  }
}
