import { createClientRequestTable, dropClientRequestTable } from "@grassroots/kit";
import { createOrgUnitProjectionTable, dropOrgUnitProjectionTable } from "@grassroots/org-projection";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What finance learns from other services' events (never their databases): the org tree in the one
 * shape @grassroots/org-projection owns, and who holds a post where (personnel's assignments: a task
 * record needs its person to hold a post in that unit on that date, R10). The kit's idempotency_key
 * table keeps client request ids of retried mutations.
 */
export class Projections1764600000000 implements MigrationInterface {
  name = "Projections1764600000000";

  async up(q: QueryRunner): Promise<void> {
    await createOrgUnitProjectionTable(q);
    // No foreign keys: events of different aggregates arrive in any order.
    await q.query(`
      CREATE TABLE post_assignment (
        id               uuid PRIMARY KEY,
        statistician_id  uuid NOT NULL,
        org_unit_id      uuid NOT NULL,
        role             text NOT NULL,
        status           text NOT NULL,
        start_date       date NOT NULL,
        end_date         date,
        version          integer NOT NULL CHECK (version >= 1),
        projected_at     timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX post_assignment_person_idx ON post_assignment (statistician_id)`);
    await q.query(`CREATE INDEX post_assignment_unit_idx ON post_assignment (org_unit_id)`);
    await createClientRequestTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropClientRequestTable(q);
    await q.query(`DROP TABLE post_assignment`);
    await dropOrgUnitProjectionTable(q);
  }
}
