import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * History names people: beside every actor column (the token subject) the actor's display name at the
 * time of the step (the JWT claim `name`, or the subject when the token had none). Rows written before
 * this migration keep a null name; nothing is back-filled (the names were never known).
 */
export class ActorNames1764300002000 implements MigrationInterface {
  name = "ActorNames1764300002000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE training_session
        ADD COLUMN planned_by_name   text,
        ADD COLUMN opened_by_name    text,
        ADD COLUMN completed_by_name text,
        ADD COLUMN cancelled_by_name text`);
    await q.query(`
      ALTER TABLE training_enrollment
        ADD COLUMN enrolled_by_name        text,
        ADD COLUMN withdrawn_by_name       text,
        ADD COLUMN result_recorded_by_name text`);
    await q.query(`ALTER TABLE training_certificate ADD COLUMN issued_by_name text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training_certificate DROP COLUMN issued_by_name`);
    await q.query(`
      ALTER TABLE training_enrollment
        DROP COLUMN result_recorded_by_name, DROP COLUMN withdrawn_by_name, DROP COLUMN enrolled_by_name`);
    await q.query(`
      ALTER TABLE training_session
        DROP COLUMN cancelled_by_name, DROP COLUMN completed_by_name, DROP COLUMN opened_by_name, DROP COLUMN planned_by_name`);
  }
}
