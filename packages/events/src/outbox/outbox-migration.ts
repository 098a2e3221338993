import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The outbox and inbox tables every service needs. Services list this class in their own
 * migrations so the tables are created by the same migration run as their business tables.
 */
export class OutboxAndInbox1764100000000 implements MigrationInterface {
  name = "OutboxAndInbox1764100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq         bigserial PRIMARY KEY,
        id          uuid NOT NULL UNIQUE,
        topic       text NOT NULL,
        key         text NOT NULL,
        type        text NOT NULL,
        source      text NOT NULL,
        subject     text,
        time        timestamptz NOT NULL DEFAULT now(),
        data        jsonb NOT NULL,
        request_id  text,
        sent_at     timestamptz
      )`);
    // The relay only ever reads unsent rows in order; this keeps that cheap however long the history.
    await q.query(`CREATE INDEX outbox_unsent_idx ON outbox (seq) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE inbox (
        consumer    text NOT NULL,
        event_id    text NOT NULL,
        type        text NOT NULL,
        topic       text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset text NOT NULL,
        handled_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox`);
    await q.query(`DROP TABLE outbox`);
  }
}
