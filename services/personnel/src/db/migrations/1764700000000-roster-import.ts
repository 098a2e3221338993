import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 13: an importStatisticianRoster sent with a client requestId keeps its report, so a retry
 * returns the first report (the client request row points at it) instead of importing again. The
 * report names rows by line, unit code and name only (no ID number, no phone). Rows are never deleted.
 */
export class RosterImport1764700000000 implements MigrationInterface {
  name = "RosterImport1764700000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roster_import_result (
        id           uuid PRIMARY KEY,
        imported_by  text NOT NULL,
        report       jsonb NOT NULL CHECK (jsonb_typeof(report) = 'object'),
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE roster_import_result`);
  }
}
