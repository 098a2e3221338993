import type { Logger } from "@grassroots/kit";
import type { Kafka } from "kafkajs";
import type { DataSource, EntityManager } from "typeorm";
import type { EventContract, EventData } from "../contracts/contract";
import type { ReceivedEvent } from "./received-event";

/** What the consumer runs for one event type; services build these with `consumerOf` and `handle`. */
export interface EventHandler<C extends EventContract = EventContract> {
  contract: C;
  /** Runs inside the inbox transaction: write through `manager` only, so the writes and the event id commit together. */
  handle(event: ReceivedEvent<EventData<C>>, manager: EntityManager): Promise<void>;
  /**
   * Optional: several events at once, with the same effect as `handle` on each in order (a backlog's
   * many rows in one statement). Handlers sharing this very function get their consecutive events
   * of a batch in one call, whatever their types.
   */
  handleBatch?(events: ReceivedEvent<EventData<C>>[], manager: EntityManager): Promise<void>;
}

/**
 * How often a handler failing for its own reasons is tried, and the backoff between tries (doubling
 * from initialMs). `infrastructureMaxMs` caps the wait while the database or broker is away (tried
 * without end): the consumer is back within that long after they return.
 */
export interface RetryPolicy {
  attempts: number;
  initialMs: number;
  maxMs: number;
  infrastructureMaxMs?: number;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Inbox namespace and, behind the topic prefix, the Kafka consumer group, e.g. "personnel". */
  groupId: string;
  handlers: EventHandler[];
  logger: Logger;
  retry?: RetryPolicy;
  fromBeginning?: boolean;
  /**
   * Prepended to the contracts' topics and to the consumer group (KAFKA_TOPIC_PREFIX): environments
   * sharing a broker must not share a group, or one gets the other's partitions.
   */
  topicPrefix?: string;
  /**
   * "batch" (the default): kafkajs batches cut into chunks of `batchSize` (500), each chunk one
   * transaction with one inbox insert. "message": one transaction per event, the old path, kept for
   * comparison (the drain benchmark).
   */
  consumeBy?: "batch" | "message";
  batchSize?: number;
  /** Partitions handled at once (kafkajs `partitionsConsumedConcurrently`, 1 by default): each takes a connection. */
  partitionsConsumedConcurrently?: number;
}
