import type { MigrationInterface, QueryRunner } from "typeorm";
import { createOrgUnitProjectionTable, upgradeOrgUnitProjectionTable } from "../src";
import { openDatabase, shapeOf } from "./support";

const CITY_ROW = `'10000000-0000-4000-8000-000000000000', '150600000000', '鄂尔多斯市', 'CITY', NULL,
  '10000000-0000-4000-8000-000000000000/'`;

// The org_unit tables as personnel's and training's first migrations left them, made from the fresh
// table by undoing what differs: personnel's called projected_at received_at; training's had no depth,
// register_count, CHECKs or code index.
class PersonnelShape1764100000000 implements MigrationInterface {
  name = "PersonnelShape1764100000000";
  async up(q: QueryRunner) {
    await createOrgUnitProjectionTable(q);
    await q.query(`ALTER TABLE org_unit RENAME COLUMN projected_at TO received_at`);
    await q.query(`INSERT INTO org_unit VALUES (${CITY_ROW}, 0, NULL, true, 2, now())`);
  }
  async down() {}
}

class TrainingShape1764100000000 implements MigrationInterface {
  name = "TrainingShape1764100000000";
  async up(q: QueryRunner) {
    await createOrgUnitProjectionTable(q);
    await q.query(`ALTER TABLE org_unit DROP COLUMN depth, DROP COLUMN register_count`);
    await q.query(
      `ALTER TABLE org_unit DROP CONSTRAINT org_unit_kind_check, DROP CONSTRAINT org_unit_version_check`,
    );
    await q.query(`DROP INDEX org_unit_code_idx`);
    await q.query(`INSERT INTO org_unit VALUES (${CITY_ROW}, true, 1, now()),
      ('20000000-0000-4000-8000-000000000000', '150621000000', '达拉特旗', 'BANNER', '10000000-0000-4000-8000-000000000000',
       '10000000-0000-4000-8000-000000000000/20000000-0000-4000-8000-000000000000/', true, 3, now())`);
  }
  async down() {}
}

class Fresh1764100000000 implements MigrationInterface {
  name = "Fresh1764100000000";
  up = (q: QueryRunner) => createOrgUnitProjectionTable(q);
  async down() {}
}

/** A service's new migration: the one call that brings its old table to the package's shape. */
class Upgrade1764200000000 implements MigrationInterface {
  name = "Upgrade1764200000000";
  up = (q: QueryRunner) => upgradeOrgUnitProjectionTable(q);
  async down() {}
}

/** The same call again (a table already in shape changes nothing). */
class UpgradeAgain1764300000000 implements MigrationInterface {
  name = "UpgradeAgain1764300000000";
  up = (q: QueryRunner) => upgradeOrgUnitProjectionTable(q);
  async down() {}
}

describe("#9 upgrading personnel's and training's org_unit to the one projection table", () => {
  let fresh: Awaited<ReturnType<typeof shapeOf>>;
  beforeAll(async () => {
    const opened = await openDatabase([Fresh1764100000000]);
    fresh = await shapeOf(opened.dataSource);
    await opened.close();
  });

  it.each([
    ["personnel's", PersonnelShape1764100000000],
    ["training's", TrainingShape1764100000000],
    ["a fresh", Fresh1764100000000],
  ])("%s table ends in the fresh shape, keeping its rows (depth filled from the path)", async (_, First) => {
    const { dataSource, close } = await openDatabase([
      First,
      Upgrade1764200000000,
      UpgradeAgain1764300000000,
    ]);
    try {
      expect(fresh.constraints.map((c: { conname: string }) => c.conname)).toEqual([
        "org_unit_depth_check",
        "org_unit_kind_check",
        "org_unit_pkey",
        "org_unit_register_count_check",
        "org_unit_version_check",
      ]);
      expect(fresh.indexes).toHaveLength(3);
      expect(await shapeOf(dataSource)).toEqual(fresh);
      const rows = await dataSource.query(`SELECT code, depth, version FROM org_unit ORDER BY code`);
      if (First !== Fresh1764100000000) expect(rows[0]).toMatchObject({ code: "150600000000", depth: 0 });
      if (First === TrainingShape1764100000000)
        expect(rows[1]).toEqual({ code: "150621000000", depth: 1, version: 3 });
    } finally {
      await close();
    }
  });
});
