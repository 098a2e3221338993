import { runWithContext, type Logger } from "@grassroots/kit";
import type { Consumer, EachMessagePayload, IHeaders, Kafka, KafkaMessage, Producer } from "kafkajs";
import type { DataSource, EntityManager } from "typeorm";
import { dlqTopicOf, type EventContract, type EventData } from "../contracts/contract";
import { fromKafkaHeaders } from "../contracts/envelope";
import { consumerDeadLettered, consumerHandled, consumerRetries } from "./consumer-metrics";
import type { ReceivedEvent } from "./received-event";

/** What the consumer runs for one event type; services build these with `consumerOf` and `handle`. */
export interface EventHandler<C extends EventContract = EventContract> {
  contract: C;
  /** Runs inside the inbox transaction: write through `manager` only, so the writes and the event id commit together. */
  handle(event: ReceivedEvent<EventData<C>>, manager: EntityManager): Promise<void>;
}

/** How often a failing handler is tried, and the backoff between tries (doubling from initialMs). */
export interface RetryPolicy {
  attempts: number;
  initialMs: number;
  maxMs: number;
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
}

/** Why a message cannot be handled, ever: no retry, straight to the DLQ. */
class PoisonMessage extends Error {}

/**
 * Consumes events with an inbox: the handler's writes and the event id commit in one transaction,
 * so a redelivered event is a no-op. A failing handler is retried with backoff; when the attempts run
 * out (or the message is malformed) it goes to `<topic>.dlq` with the error in headers and the
 * partition moves on.
 */
export class EventConsumer {
  private consumer: Consumer;
  private producer: Producer;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly retry: RetryPolicy;

  constructor(private readonly options: EventConsumerOptions) {
    for (const handler of options.handlers) this.handlers.set(handler.contract.type, handler);
    this.retry = options.retry ?? { attempts: 5, initialMs: 200, maxMs: 5000 };
    this.consumer = options.kafka.consumer({
      groupId: `${options.topicPrefix ?? ""}${options.groupId}`,
      allowAutoTopicCreation: false,
    });
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  get topics(): string[] {
    const prefix = this.options.topicPrefix ?? "";
    return [...new Set(this.options.handlers.map((h) => `${prefix}${h.contract.topic}`))];
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const { logger } = this.options;
    let event: ReceivedEvent;
    let handler: EventHandler | undefined;
    try {
      ({ event, handler } = this.parse(topic, partition, message));
    } catch (error) {
      return this.deadLetter(topic, partition, message, error, 0);
    }
    if (!handler) return; // a type this service does not need, on a topic it reads for others
    await runWithContext({ requestId: event.requestid ?? event.id, eventId: event.id }, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          const outcome = await this.handleOnce(handler, event);
          consumerHandled.inc({ group: this.options.groupId, type: event.type, outcome });
          if (outcome === "duplicate") logger.debug({ type: event.type }, "event already handled; skipped");
          return;
        } catch (error) {
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

  private parse(topic: string, partition: number, message: KafkaMessage) {
    let attrs;
    try {
      attrs = fromKafkaHeaders(message.headers);
    } catch (error) {
      throw new PoisonMessage((error as Error).message);
    }
    const handler = this.handlers.get(attrs.type);
    let data: unknown = undefined;
    if (handler) {
      let raw: unknown;
      try {
        raw = JSON.parse(message.value?.toString("utf8") ?? "null");
      } catch {
        throw new PoisonMessage("event data is not JSON");
      }
      const parsed = handler.contract.schema.safeParse(raw);
      if (!parsed.success) throw new PoisonMessage(`event data breaks its contract: ${parsed.error.message}`);
      data = parsed.data;
    }
    const event: ReceivedEvent = {
      ...attrs,
      data,
      key: message.key?.toString("utf8") ?? null,
      topic,
      partition,
      offset: message.offset,
    };
    return { event, handler };
  }

  private async handleOnce(handler: EventHandler, event: ReceivedEvent): Promise<"handled" | "duplicate"> {
    return this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id, type, topic, kafka_partition, kafka_offset)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.groupId, event.id, event.type, event.topic, event.partition, event.offset],
      );
      if (inserted.length === 0) return "duplicate";
      await handler.handle(event, manager);
      return "handled";
    });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
    attempts: number,
  ) {
    const reason = error instanceof Error ? error.message : String(error);
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      "dlq-error": reason.slice(0, 2000),
      "dlq-error-kind": error instanceof PoisonMessage ? "poison" : "handler-failed",
      "dlq-attempts": String(attempts),
      "dlq-consumer-group": this.options.groupId,
      "dlq-original-topic": topic,
      "dlq-original-partition": String(partition),
      "dlq-original-offset": message.offset,
      "dlq-failed-at": new Date().toISOString(),
    };
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
