import { createDataSource } from "@grassroots/kit";
import { createTestDatabase, type TestDatabase } from "@grassroots/test-infra";
import type { DataSource, MigrationInterface } from "typeorm";
import { OrgUnitProjectionEntity } from "../src";

/** A throwaway database with these migrations run; closed and dropped by `close`. */
export async function openDatabase(
  migrations: (new () => MigrationInterface)[],
): Promise<{ db: TestDatabase; dataSource: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase("org_projection");
  const dataSource = createDataSource({
    url: db.url,
    poolSize: 4,
    entities: [OrgUnitProjectionEntity],
    migrations,
    applicationName: "org-projection-test",
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  return {
    db,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** The shape of the org_unit table: columns (any order), CHECK constraints, indexes. */
export async function shapeOf(dataSource: DataSource) {
  const columns = await dataSource.query(
    `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = 'org_unit' ORDER BY column_name`,
  );
  const constraints = await dataSource.query(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'org_unit'::regclass ORDER BY conname`,
  );
  const indexes = await dataSource.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'org_unit' ORDER BY indexname`,
  );
  return { columns, constraints, indexes };
}
