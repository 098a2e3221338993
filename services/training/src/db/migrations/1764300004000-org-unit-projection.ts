import { upgradeOrgUnitProjectionTable } from "@grassroots/org-projection";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * #9: training's org_unit projection in the one shape @grassroots/org-projection owns (the same table
 * in every service that consumes organization's units): depth (filled from the path), register_count
 * (null until the unit's next event), the CHECKs and the code index added. Rows are kept as they are.
 */
export class OrgUnitProjection1764300004000 implements MigrationInterface {
  name = "OrgUnitProjection1764300004000";

  async up(q: QueryRunner): Promise<void> {
    await upgradeOrgUnitProjectionTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS org_unit_code_idx`);
    await q.query(
      `ALTER TABLE org_unit DROP CONSTRAINT IF EXISTS org_unit_kind_check, DROP CONSTRAINT IF EXISTS org_unit_depth_check,
         DROP CONSTRAINT IF EXISTS org_unit_register_count_check, DROP CONSTRAINT IF EXISTS org_unit_version_check,
         DROP COLUMN register_count, DROP COLUMN depth`,
    );
  }
}
