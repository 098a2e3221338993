import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Local projections of other services' events (never their databases): the org tree from
 * organization, statisticians and where they serve from personnel. Each row keeps the version of the
 * event it came from, so a redelivered or older event never overwrites a newer state.
 */
export class Projections1764300000000 implements MigrationInterface {
  name = "Projections1764300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_unit (
        id            uuid PRIMARY KEY,
        code          char(12) NOT NULL,
        name          text NOT NULL,
        kind          text NOT NULL,
        parent_id     uuid,
        path          text NOT NULL,
        active        boolean NOT NULL,
        version       integer NOT NULL,
        projected_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX org_unit_path_prefix_idx ON org_unit (path text_pattern_ops)`);
    await q.query(`
      CREATE TABLE statistician (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        version       integer NOT NULL,
        projected_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // No foreign keys: events of different aggregates arrive in any order (an assignment may come
    // before its statistician, or before its unit).
    await q.query(`
      CREATE TABLE statistician_assignment (
        id               uuid PRIMARY KEY,
        statistician_id  uuid NOT NULL,
        org_unit_id      uuid NOT NULL,
        org_unit_path    text NOT NULL,
        role             text NOT NULL,
        status           text NOT NULL,
        start_date       date NOT NULL,
        end_date         date,
        version          integer NOT NULL,
        projected_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX statistician_assignment_person_idx ON statistician_assignment (statistician_id)`,
    );
    await q.query(`CREATE INDEX statistician_assignment_unit_idx ON statistician_assignment (org_unit_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statistician_assignment`);
    await q.query(`DROP TABLE statistician`);
    await q.query(`DROP TABLE org_unit`);
  }
}
