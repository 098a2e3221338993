import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The inbox keeps a hash of each handled event's data, so an event id that comes again with other
 * data (a producer bug, or a forged message) is noticed instead of being dropped as a redelivery.
 * Rows from before have no hash: their repeats are taken as plain redeliveries.
 */
export class InboxEventHashes1765000000000 implements MigrationInterface {
  name = "InboxEventHashes1765000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inbox ADD COLUMN data_hash text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inbox DROP COLUMN data_hash`);
  }
}
