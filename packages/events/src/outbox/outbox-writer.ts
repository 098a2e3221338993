import { currentContext, currentTraceHeaders } from "@grassroots/kit";
import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { EventContract, EventData } from "../contracts/contract";

/** Postgres NOTIFY channel the relay listens on, so it wakes at commit instead of waiting a poll. */
export const OUTBOX_CHANNEL = "grassroots_outbox";

export interface PublishOptions {
  /**
   * Kafka key: the aggregate id, so one aggregate's events keep their order. Defaults to the value of
   * the data field the contract names (`contract.key.field`); a key given must equal it.
   */
  key?: string;
  /** CloudEvents subject; defaults to the key. */
  subject?: string;
}

/**
 * An event's data as its contract parses it, and its Kafka key (the field the contract names; a key
 * given must equal it). Data failing its contract is a programming error and throws. Shared by
 * publishEvent and publishEvents, so both check alike.
 */
export function checkedEvent<C extends EventContract>(
  contract: C,
  data: EventData<C>,
  options: PublishOptions = {},
): { key: string; data: EventData<C> } {
  const parsed = contract.schema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`Event ${contract.type} does not match its contract: ${parsed.error.message}`);
  }
  const keyed = (parsed.data as Record<string, unknown>)[contract.key.field];
  if (keyed === undefined || keyed === null) {
    throw new Error(
      `Event ${contract.type} has no ${contract.key.field}, its Kafka key (${contract.key.means})`,
    );
  }
  const key = String(keyed);
  if (options.key !== undefined && options.key !== key) {
    // The AsyncAPI document tells integrators what the key is; a different key would break its word.
    throw new Error(
      `Event ${contract.type} is keyed by ${contract.key.field} (${contract.key.means}); got key ${options.key}`,
    );
  }
  return { key, data: parsed.data as EventData<C> };
}

/**
 * Records an event in the outbox inside the caller's transaction: it is published if and only if
 * the business change commits. Data failing its contract is a programming error and throws.
 */
export async function publishEvent<C extends EventContract>(
  manager: EntityManager,
  contract: C,
  data: EventData<C>,
  options: PublishOptions = {},
): Promise<string> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`publishEvent(${contract.type}) must run inside the business transaction`);
  }
  const { key, data: checked } = checkedEvent(contract, data, options);
  const id = randomUUID();
  // The writing span's context goes with the row: the relay and the consumers continue its trace.
  const trace = currentTraceHeaders();
  // The row and the relay's wake-up in one statement: one round trip per event, not two (#15).
  await manager.query(
    `WITH written AS (
       INSERT INTO outbox (id, topic, key, type, source, subject, data, request_id, traceparent, tracestate)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq)
     SELECT pg_notify($11, '') FROM written`,
    [
      id,
      contract.topic,
      key,
      contract.type,
      `/grassroots/${contract.service}`,
      options.subject ?? key,
      JSON.stringify(checked),
      currentContext()?.requestId ?? null,
      trace.traceparent ?? null,
      trace.tracestate ?? null,
      OUTBOX_CHANNEL,
    ],
  );
  return id;
}
