import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 10.7: history names people, not token subjects. Beside each actor column (the token subject
 * or a tool's name) the display name the caller's token carried (JWT claim `name`, else the subject).
 * Nullable: rows written before this migration keep null.
 */
export class ActorNames1764200002100 implements MigrationInterface {
  name = "ActorNames1764200002100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE register_count_history ADD COLUMN recorded_by_name text`);
    await q.query(`ALTER TABLE standardization_assessment ADD COLUMN assessed_by_name text,
                                                        ADD COLUMN recognized_by_name text`);
    await q.query(`ALTER TABLE org_unit ADD COLUMN deactivated_by_name text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE org_unit DROP COLUMN deactivated_by_name`);
    await q.query(`ALTER TABLE standardization_assessment DROP COLUMN recognized_by_name,
                                                         DROP COLUMN assessed_by_name`);
    await q.query(`ALTER TABLE register_count_history DROP COLUMN recorded_by_name`);
  }
}
