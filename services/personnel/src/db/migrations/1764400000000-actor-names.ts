import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * #10.7: history names people. Beside every actor column (a token subject or a tool's name) the display
 * name of who acted, as the kit's `actorName(identity)` gives it (the JWT claim `name`, else the subject).
 * Nullable: rows written before this migration have no name (readers fall back to the subject).
 * ALTER TABLE fires no row triggers, so filing_step stays append-only.
 */
export class ActorNames1764400000000 implements MigrationInterface {
  name = "ActorNames1764400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE statistician ADD COLUMN created_by_name text`);
    await q.query(`ALTER TABLE post_assignment ADD COLUMN created_by_name text`);
    await q.query(`ALTER TABLE filing ADD COLUMN submitted_by_name text,
                     ADD COLUMN forwarded_by_name text, ADD COLUMN decided_by_name text`);
    await q.query(`ALTER TABLE filing_step ADD COLUMN actor_name text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE filing_step DROP COLUMN actor_name`);
    await q.query(`ALTER TABLE filing DROP COLUMN submitted_by_name, DROP COLUMN forwarded_by_name,
                     DROP COLUMN decided_by_name`);
    await q.query(`ALTER TABLE post_assignment DROP COLUMN created_by_name`);
    await q.query(`ALTER TABLE statistician DROP COLUMN created_by_name`);
  }
}
