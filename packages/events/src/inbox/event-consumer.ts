import {
  AppError,
  contextFrom,
  inSpan,
  isInfrastructureError,
  runWithContext,
  SpanKind,
} from "@grassroots/kit";
import type { Consumer, EachBatchPayload, EachMessagePayload, KafkaMessage, Producer } from "kafkajs";
import { dlqTopicOf } from "../contracts/contract";
import { deadLetterHeaders } from "./dead-letter";
import { replayDeadLetters, type ReplayReport } from "./dead-letter-replay";
import { parseMessage } from "./message-parsing";
import {
  consumerBatchFallbacks,
  consumerDeadLettered,
  consumerHandled,
  consumerRetries,
  consumerWaitingForInfrastructure,
} from "./consumer-metrics";
import type { EventConsumerOptions, EventHandler, RetryPolicy } from "./consumer-options";
import { ChunkHandlerFailed, handleChunkInInbox, type ChunkItem } from "./inbox-batch";
import { handleInInbox } from "./inbox-transaction";
import type { ReceivedEvent } from "./received-event";

export type { EventConsumerOptions, EventHandler, RetryPolicy } from "./consumer-options";

/** The consumer is stopping while it waits for the database: the message stays uncommitted, for the next start. */
class Stopping extends Error {}

/**
 * Consumes events with an inbox: the handler's writes and the event id commit in one transaction,
 * so a redelivered event is a no-op. What happens when handling fails depends on why:
 * - the database or broker is away (`isInfrastructureError`): the partition waits (nothing after it
 *   is consumed) and the event is tried again until it passes, however long the outage;
 * - the message is malformed or breaks its contract: straight to `<topic>.dlq` ("poison");
 * - a domain rule refuses it (an AppError): straight to the DLQ ("rejected"), it can never pass;
 * - anything else (a bug): retried with backoff, then to the DLQ ("handler-failed").
 * A DLQ copy carries the error and the consumer group in headers; `replayDeadLetters` takes them back.
 *
 * Events come in batches (kafkajs `eachBatch`): each partition's batch is cut into chunks of
 * `batchSize`, and a chunk is one transaction with one inbox insert, its handlers in offset order
 * (so per key, as per partition, the order is kept). A chunk failing for a handler's reason is
 * rolled back and its events are taken one by one as above, so a bad event goes alone to the DLQ.
 */
export class EventConsumer {
  private consumer: Consumer;
  private producer: Producer;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly retry: RetryPolicy;
  private stopping = false;
  /** When the current database/broker outage began for this consumer, and how many tries it took. */
  private outage?: { since: number; tries: number };

  constructor(private readonly options: EventConsumerOptions) {
    for (const handler of options.handlers) this.handlers.set(handler.contract.type, handler);
    this.retry = options.retry ?? { attempts: 5, initialMs: 200, maxMs: 5000 };
    this.consumer = this.newConsumer();
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  private newConsumer(): Consumer {
    const consumer = this.options.kafka.consumer({
      groupId: `${this.options.topicPrefix ?? ""}${this.options.groupId}`,
      allowAutoTopicCreation: false,
    });
    // kafkajs restarts a crashed consumer only after errors it deems retriable; after a broker crash
    // some are not (a closed connection mid-join), and the group would stay stopped for good.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping || consumer !== this.consumer) return;
      this.options.logger.warn({ err: payload.error }, "consumer crashed; starting it again");
      void this.restartAfterCrash();
    });
    return consumer;
  }

  private async restartAfterCrash(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(250 * attempt, 1000)));
      const old = this.consumer;
      this.consumer = this.newConsumer();
      await old.disconnect().catch(() => undefined);
      try {
        await this.runConsumer();
        return;
      } catch (error) {
        this.options.logger.debug({ err: error, attempt }, "consumer restart failed; trying again");
      }
    }
  }

  private async runConsumer(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true });
    const { consumeBy = "batch", partitionsConsumedConcurrently = 1 } = this.options;
    if (consumeBy === "message") {
      await this.consumer.run({
        partitionsConsumedConcurrently,
        eachMessage: (payload) => this.onMessage(payload),
      });
    } else {
      await this.consumer.run({
        partitionsConsumedConcurrently,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.onBatch(payload),
      });
    }
  }

  get topics(): string[] {
    const prefix = this.options.topicPrefix ?? "";
    return [...new Set(this.options.handlers.map((h) => `${prefix}${h.contract.topic}`))];
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.runConsumer();
  }

  /**
   * Takes this group's DLQ copies back through their handlers (see `replayDeadLetters`); for after a
   * fix, or after an outage that an older version sent to the DLQ. Runs beside or without `start`.
   */
  replayDeadLetters(): Promise<ReplayReport> {
    return replayDeadLetters({
      kafka: this.options.kafka,
      groupId: this.options.groupId,
      topicPrefix: this.options.topicPrefix ?? "",
      topics: this.topics,
      apply: async (topic, partition, message) => {
        const { event, handler } = parseMessage(this.handlers, topic, partition, message);
        if (!handler) return "duplicate";
        return runWithContext({ requestId: event.requestid ?? event.id, eventId: event.id }, () =>
          this.handleOnce(handler, event),
        );
      },
      onFailure: (error, copy) =>
        this.options.logger.warn(
          { err: error, ...copy },
          "dead-lettered event failed again; it stays on the DLQ",
        ),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  /** One partition's batch, chunk by chunk; each chunk's offsets are committed once it committed. */
  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const size = Math.max(1, this.options.batchSize ?? 500);
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!isRunning() || isStale()) return; // a rebalance took the partition: the rest is re-read by its new owner
      const chunk = batch.messages.slice(start, start + size);
      await this.onChunk(batch.topic, batch.partition, chunk, heartbeat);
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private async onChunk(
    topic: string,
    partition: number,
    chunk: KafkaMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    // Malformed messages leave for the DLQ first: they never enter the chunk's transaction.
    const items: (ChunkItem & { message: KafkaMessage })[] = [];
    for (const message of chunk) {
      try {
        const { event, handler } = parseMessage(this.handlers, topic, partition, message);
        if (handler) items.push({ event, handler, message });
      } catch (error) {
        await this.deadLetter(topic, partition, message, error, 0);
      }
    }
    if (!items.length) return;
    const first = items[0].event;
    // One consumer span per chunk continuing its first event's trace (the only one, for a lone event).
    await inSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFrom({ traceparent: first.traceparent, tracestate: first.tracestate }),
        attributes: {
          ...this.spanAttributes(topic, first),
          ...(items.length > 1 ? { "messaging.batch.message_count": items.length } : {}),
        },
      },
      () => this.handleChunk(topic, partition, items, heartbeat),
    );
  }

  private async handleChunk(
    topic: string,
    partition: number,
    items: (ChunkItem & { message: KafkaMessage })[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const { dataSource, groupId, logger } = this.options;
    for (;;) {
      try {
        const outcomes = await handleChunkInInbox({ dataSource, groupId, logger }, items);
        this.endOutage();
        outcomes.forEach((outcome, i) =>
          consumerHandled.inc({ group: groupId, type: items[i].event.type, outcome }),
        );
        return;
      } catch (caught) {
        const error = caught instanceof ChunkHandlerFailed ? caught.error : caught;
        if (isInfrastructureError(error)) {
          await this.waitForInfrastructure(error, items[0].event.type, heartbeat);
          continue; // the whole chunk again: its transaction was rolled back
        }
        const failed = caught instanceof ChunkHandlerFailed ? caught.index : undefined;
        consumerBatchFallbacks.inc({ group: groupId });
        logger.warn(
          { err: error, topic, partition, events: items.length },
          "a chunk of events failed; its events are handled one by one",
        );
        for (const [i, { message, event, handler }] of items.entries()) {
          // The event that failed has had its first attempt.
          const firstFailure = i === failed ? { error } : undefined;
          await this.handleWithRetries(topic, partition, message, heartbeat, event, handler, firstFailure);
        }
        return;
      }
    }
  }

  private spanAttributes(topic: string, event: ReceivedEvent) {
    return {
      "messaging.system": "kafka",
      "messaging.operation.type": "process",
      "messaging.destination.name": topic,
      "messaging.consumer.group.name": this.options.groupId,
      "messaging.message.id": event.id,
      "cloudevents.event_type": event.type,
    };
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    let event: ReceivedEvent;
    let handler: EventHandler | undefined;
    try {
      ({ event, handler } = parseMessage(this.handlers, topic, partition, message));
    } catch (error) {
      return this.deadLetter(topic, partition, message, error, 0);
    }
    if (!handler) return; // a type this service does not need, on a topic it reads for others
    // The handling is one consumer span continuing the event's trace (its traceparent): the
    // handler's SQL and the events it publishes join the trace of the request that caused it.
    await inSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFrom({ traceparent: event.traceparent, tracestate: event.tracestate }),
        attributes: this.spanAttributes(topic, event),
      },
      () => this.handleWithRetries(topic, partition, message, heartbeat, event, handler),
    );
  }

  private handleWithRetries(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    event: ReceivedEvent,
    handler: EventHandler,
    firstFailure?: { error: unknown },
  ): Promise<void> {
    const { logger } = this.options;
    let failedInChunk = firstFailure;
    return runWithContext({ requestId: event.requestid ?? event.id, eventId: event.id }, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          if (failedInChunk) {
            const { error } = failedInChunk; // its first attempt, in its chunk
            failedInChunk = undefined;
            throw error;
          }
          const outcome = await this.handleOnce(handler, event);
          this.endOutage();
          consumerHandled.inc({ group: this.options.groupId, type: event.type, outcome });
          if (outcome === "duplicate") logger.debug({ type: event.type }, "event already handled; skipped");
          return;
        } catch (error) {
          if (isInfrastructureError(error)) {
            await this.waitForInfrastructure(error, event.type, heartbeat);
            attempt = 0; // the handler's own attempts start again once the outage is over
            continue;
          }
          if (error instanceof AppError) return this.deadLetter(topic, partition, message, error, attempt);
          if (attempt >= this.retry.attempts) {
            return this.deadLetter(topic, partition, message, error, attempt);
          }
          consumerRetries.inc({ group: this.options.groupId, type: event.type });
          const wait = Math.min(this.retry.maxMs, this.retry.initialMs * 2 ** (attempt - 1));
          logger.warn(
            { err: error, type: event.type, attempt, retryInMs: wait },
            "event handler failed; retrying",
          );
          await new Promise((r) => setTimeout(r, wait));
          await heartbeat();
        }
      }
    });
  }

  /**
   * The database or broker is away: wait (doubling to `infrastructureMaxMs`, 1 s by default) and let
   * the caller try again. One warning per outage, not per try; the group is kept by heartbeats.
   */
  private async waitForInfrastructure(error: unknown, type: string, heartbeat: () => Promise<void>) {
    if (this.stopping) throw new Stopping("consumer stopping; the event is handled after the next start");
    consumerWaitingForInfrastructure.inc({ group: this.options.groupId });
    if (!this.outage) {
      this.outage = { since: Date.now(), tries: 0 };
      this.options.logger.warn(
        { err: error, type },
        "database or broker unavailable; this partition waits and the event is tried again until it passes",
      );
    }
    const tries = ++this.outage.tries;
    const wait = Math.min(this.retry.infrastructureMaxMs ?? 1000, 100 * 2 ** Math.min(tries - 1, 10));
    await new Promise((r) => setTimeout(r, wait));
    await heartbeat();
  }

  private endOutage() {
    if (!this.outage) return;
    const { since, tries } = this.outage;
    this.outage = undefined;
    this.options.logger.warn(
      { waitedMs: Date.now() - since, tries },
      "database and broker back; consuming again",
    );
  }

  private handleOnce(handler: EventHandler, event: ReceivedEvent): Promise<"handled" | "duplicate"> {
    const { dataSource, groupId, logger } = this.options;
    return handleInInbox({ dataSource, groupId, logger }, handler, event);
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
    attempts: number,
  ) {
    const headers = deadLetterHeaders(message, {
      topic,
      partition,
      error,
      attempts,
      group: this.options.groupId,
    });
    await this.producer.send({
      topic: dlqTopicOf(topic),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    consumerDeadLettered.inc({ group: this.options.groupId });
    this.options.logger.error(
      { err: error, topic, partition, offset: message.offset, attempts },
      "event sent to the dead-letter topic",
    );
  }
}
