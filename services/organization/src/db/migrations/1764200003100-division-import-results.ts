import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 9: an importDivisions sent with a client requestId keeps its report, so a retry returns the
 * first report (the client request row points at it) instead of re-importing. Rows are never deleted.
 */
export class DivisionImportResults1764200003100 implements MigrationInterface {
  name = "DivisionImportResults1764200003100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE division_import_result (
        id           uuid PRIMARY KEY,
        imported_by  text NOT NULL,
        report       jsonb NOT NULL CHECK (jsonb_typeof(report) = 'object'),
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE division_import_result`);
  }
}
