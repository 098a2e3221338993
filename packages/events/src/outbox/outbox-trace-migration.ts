import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each outbox row keeps the W3C trace context of the transaction that wrote it, so the relay can
 * send it on as the CloudEvent's distributed-tracing extension and a consumer continues the trace.
 * Rows from before have none: their events start new traces.
 */
export class OutboxTraceContext1765300000000 implements MigrationInterface {
  name = "OutboxTraceContext1765300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN traceparent, DROP COLUMN tracestate`);
  }
}
