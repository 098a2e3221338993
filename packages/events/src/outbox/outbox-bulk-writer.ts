import { currentContext, currentTraceHeaders } from "@grassroots/kit";
import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { EventContract, EventData } from "../contracts/contract";
import { checkedEvent, OUTBOX_CHANNEL, type PublishOptions } from "./outbox-writer";

/** One event for `publishEvents`: what `publishEvent(manager, contract, data, options)` takes. */
export interface OutboxEvent<C extends EventContract = EventContract> {
  contract: C;
  data: EventData<C>;
  options?: PublishOptions;
}

/** Rows per INSERT: bounds a statement's parameters (a few MB) whatever the number of events. */
export const OUTBOX_BULK_CHUNK = 5000;

interface OutboxRowValues {
  id: string;
  topic: string;
  key: string;
  type: string;
  source: string;
  subject: string;
  data: string;
}

/** An outbox row's values, its event checked as publishEvent checks it. */
function outboxRowOf({ contract, data, options = {} }: OutboxEvent): OutboxRowValues {
  const checked = checkedEvent(contract, data, options);
  return {
    id: randomUUID(),
    topic: contract.topic,
    key: checked.key,
    type: contract.type,
    source: `/grassroots/${contract.service}`,
    subject: options.subject ?? checked.key,
    data: JSON.stringify(checked.data),
  };
}

/**
 * `publishEvent` for many events (a bulk import): every event is checked against its contract first,
 * then they are written in their order with one INSERT per `chunk` rows (the outbox's seq keeps that
 * order) and the relay's wake-up, inside the caller's transaction. Same columns as the single writer; an event
 * failing its contract throws before anything is written. Returns the events' ids.
 */
export async function publishEvents(
  manager: EntityManager,
  events: readonly OutboxEvent[],
  chunk = OUTBOX_BULK_CHUNK,
): Promise<string[]> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`publishEvents(${events.length} events) must run inside the business transaction`);
  }
  if (events.length === 0) return [];
  const rows = events.map(outboxRowOf);
  const requestId = currentContext()?.requestId ?? null;
  // Every row carries the writing span's context, as publishEvent's do (#16).
  const trace = currentTraceHeaders();
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const column = (name: keyof OutboxRowValues) => part.map((row) => row[name]);
    // Each chunk wakes the relay in its own statement (PostgreSQL sends one notification per
    // transaction and channel): no extra round trip (#15). A data-modifying WITH always runs in full.
    await manager.query(
      `WITH written AS (
         INSERT INTO outbox (id, topic, key, type, source, subject, data, request_id, traceparent, tracestate)
         SELECT id, topic, key, type, source, subject, data::jsonb, $8, $9, $10
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                WITH ORDINALITY AS e(id, topic, key, type, source, subject, data, n)
          ORDER BY n
         RETURNING seq)
       SELECT pg_notify($11, '') WHERE EXISTS (SELECT 1 FROM written)`,
      [
        column("id"),
        column("topic"),
        column("key"),
        column("type"),
        column("source"),
        column("subject"),
        column("data"),
        requestId,
        trace.traceparent ?? null,
        trace.tracestate ?? null,
        OUTBOX_CHANNEL,
      ],
    );
  }
  return rows.map((row) => row.id);
}
