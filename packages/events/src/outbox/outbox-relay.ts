import { contextFrom, currentTraceHeaders, type Logger } from "@grassroots/kit";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import type { Kafka, Message, Producer, TopicMessages } from "kafkajs";
import { Client } from "pg";
import { toKafkaHeaders } from "../contracts/envelope";
import { OUTBOX_CHANNEL } from "./outbox-writer";
import { OUTBOX_LAG_SQL, outboxLagOf, type OutboxLagRow } from "./outbox-lag-reading";
import { outboxPublished, outboxPublishFailures, recordOutboxLag } from "./relay-metrics";

export interface OutboxRelayOptions {
  databaseUrl: string;
  kafka: Kafka;
  logger: Logger;
  /** Names the advisory lock, so one relay per service database publishes (keeps per-key order). */
  service: string;
  pollMs: number;
  /** Prepended to each row's topic (KAFKA_TOPIC_PREFIX). */
  topicPrefix?: string;
  batchSize?: number;
  /** Longest wait between tries while the broker or database is away: how late the relay is once they return (1 s). */
  maxBackoffMs?: number;
  /**
   * A batch not published within this (20 s) is given up and sent again on a new producer: a kafkajs
   * producer can wait on a request to a killed broker far longer than the outage (its per-broker lock
   * waits up to 65 s), which left the outbox undrained two minutes after a broker restart in CI.
   */
  stallTimeoutMs?: number;
}

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  type: string;
  source: string;
  subject: string | null;
  time: Date;
  /** The jsonb as PostgreSQL prints it: sent as is, never parsed and printed again (#15). */
  data: string;
  request_id: string | null;
  traceparent: string | null;
  tracestate: string | null;
}

/**
 * Publishes committed outbox rows to Kafka in commit order with an idempotent producer (acks=all),
 * then marks them sent. On any failure it keeps the rows and retries the same batch with backoff, so
 * nothing is lost or reordered; a crash between send and mark resends (at-least-once, consumers dedupe).
 */
export class OutboxRelay {
  private client?: Client;
  private producer!: Producer;
  private producerConnected = false;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private commitWake?: () => void;
  /** A commit was notified since the last read began: that read may not have seen it. */
  private notified = false;
  /** The next batch, read by the statement that marked the last one, on that connection (#15). */
  private readAhead?: { client: Client; rows: OutboxRow[] };
  private lastLagCheck = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.newProducer();
  }

  /** Idempotent, one request in flight, acks=all: per-key order survives retries. */
  private newProducer(): void {
    this.producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.producerConnected = false;
  }

  async start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops the loop, then publishes what is still pending (bounded), then disconnects. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    try {
      for (let i = 0; i < 20 && (await this.publishBatch()) > 0; i++);
    } catch (error) {
      this.options.logger.warn(
        { err: error },
        "outbox not fully flushed at shutdown; the next start sends the rest",
      );
    }
    await this.disconnect();
  }

  /** Publishes everything pending now (used by tests and shutdown). */
  async flush(): Promise<void> {
    while ((await this.publishBatch()) > 0);
  }

  private async run(): Promise<void> {
    const { logger, pollMs } = this.options;
    const maxBackoff = this.options.maxBackoffMs ?? 1000;
    let backoff = 0;
    let outage: { since: number; failures: number } | undefined;
    while (this.running) {
      try {
        const sent = await withinTime(this.publishBatch(), this.options.stallTimeoutMs ?? 20_000);
        if (outage) {
          logger.warn(
            { waitedMs: Date.now() - outage.since, failures: outage.failures, sent },
            "outbox relay publishing again",
          );
          outage = undefined;
        }
        backoff = 0;
        if (sent === 0) await this.idle(pollMs, true);
      } catch (error) {
        outboxPublishFailures.inc();
        backoff = Math.min(maxBackoff, backoff ? backoff * 2 : 100);
        // One warning when publishing stops, one when it resumes; the tries between go to debug.
        if (!outage) {
          outage = { since: Date.now(), failures: 0 };
          logger.warn(
            { err: error },
            "outbox relay could not publish; retrying the same events until it can",
          );
        } else logger.debug({ err: error, retryInMs: backoff }, "outbox relay still cannot publish");
        outage.failures++;
        await this.resetConnections(isBrokerError(error) || error instanceof PublishStalled);
        await this.idle(backoff, false);
      }
    }
  }

  /** Sends one batch of unsent rows in commit order; returns how many were sent (0 when idle or not leader). */
  private async publishBatch(): Promise<number> {
    const limit = this.options.batchSize ?? 500;
    const client = await this.connect();
    if (!client) return 0;
    await this.reportLag(client);
    const ahead = this.readAhead?.client === client ? this.readAhead.rows : undefined;
    this.readAhead = undefined;
    let rows = ahead;
    if (!rows) {
      this.notified = false;
      rows = (
        await client.query<OutboxRow>(
          `SELECT ${COLUMNS} FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1`,
          [limit],
        )
      ).rows;
    }
    if (rows.length === 0) return 0;
    // This batch's producer: after a stall the relay has replaced it, and a late connect must not
    // mark the new one connected.
    const producer = this.producer;
    if (!this.producerConnected) {
      await producer.connect();
      if (producer === this.producer) this.producerConnected = true;
    }
    // One producer span per event, a child of the writer's context from its row; its own context
    // goes into the message, so the consumer's span follows it.
    const spans = rows.map((row) => publishSpan(row, this.options.topicPrefix ?? ""));
    try {
      await producer.sendBatch({
        topicMessages: groupByTopic(rows, this.options.topicPrefix ?? "", spans),
        acks: -1,
      });
    } catch (error) {
      for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: "not published" });
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
    // Marks this batch and reads the next in one statement: one round trip less per batch. Both
    // parts see the statement's snapshot, so the read leaves out the rows being marked by seq (not
    // by "seq > the last", which would skip a lower seq committed late and break a key's order).
    this.notified = false;
    const next = await client.query<OutboxRow>(
      `WITH marked AS (UPDATE outbox SET sent_at = now() WHERE seq = ANY($1::bigint[]))
       SELECT ${COLUMNS} FROM outbox WHERE sent_at IS NULL AND seq <> ALL($1::bigint[]) ORDER BY seq LIMIT $2`,
      [rows.map((r) => r.seq), limit],
    );
    // A batch given up as stalled (its producer replaced) finishes on its own: its read is not used.
    if (producer === this.producer) this.readAhead = { client, rows: next.rows };
    outboxPublished.inc(rows.length);
    return rows.length;
  }

  /** A dedicated connection that LISTENs for commits and holds the relay's advisory lock. */
  private async connect(): Promise<Client | undefined> {
    if (this.client) return this.client;
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: "outbox-relay",
    });
    client.on("error", (error) => {
      this.options.logger.warn({ err: error }, "outbox relay lost its database connection");
      if (this.client === client) this.client = undefined;
    });
    client.on("notification", () => {
      this.notified = true;
      this.commitWake?.();
    });
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
      [`outbox-relay:${this.options.service}`],
    );
    if (!rows[0].locked) {
      // Another replica is publishing; stay idle and try again later.
      await client.end();
      return undefined;
    }
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.client = client;
    return client;
  }

  /** At most once a second, also while busy: a count per batch would cost a round trip each (#15). */
  private async reportLag(client: Client): Promise<void> {
    if (Date.now() - this.lastLagCheck < 1000) return;
    this.lastLagCheck = Date.now();
    const { rows } = await client.query<OutboxLagRow>(OUTBOX_LAG_SQL);
    const { pending, ageSeconds } = outboxLagOf(rows[0]);
    recordOutboxLag(pending, ageSeconds);
  }

  /**
   * Waits; stop() always cuts the wait short, a commit notification only when idle (not in backoff).
   * A notification that came while the last read was running (a commit that read did not see) ends
   * the wait at once: it would otherwise sit out the whole poll interval (#15). So does a stop() that
   * came while a batch was being sent (its wake-up found no wait to cut short).
   */
  private idle(ms: number, wakeOnCommit: boolean): Promise<void> {
    if (!this.running || (wakeOnCommit && this.notified)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = this.commitWake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
      this.commitWake = wakeOnCommit ? done : undefined;
    });
  }

  /**
   * After a failure: a new producer (a stalled one may still hold kafkajs' locks; its late delivery
   * of the same rows is a duplicate the consumers' inboxes drop), and a new database connection
   * unless the broker failed.
   */
  private async resetConnections(keepDatabase = false): Promise<void> {
    const old = this.producer;
    this.newProducer();
    await withinTime(old.disconnect(), 5_000).catch(() => undefined);
    if (!keepDatabase && this.client) {
      const client = this.client;
      this.client = undefined;
      await client.end().catch(() => undefined);
    }
  }

  private async disconnect(): Promise<void> {
    await this.resetConnections();
  }
}

const COLUMNS =
  "seq, id, topic, key, type, source, subject, time, data::text AS data, request_id, traceparent, tracestate";

class PublishStalled extends Error {
  constructor(ms: number) {
    super(`an outbox batch was not published within ${ms} ms`);
    this.name = "PublishStalled";
  }
}

/** The promise's result, or PublishStalled after ms (the promise goes on; its result is ignored). */
function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PublishStalled(ms)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

const isBrokerError = (error: unknown) => error instanceof Error && error.name.startsWith("KafkaJS");

const tracer = trace.getTracer("grassroots-outbox");

/** A "publish" span of one row, parented to the context it was written in (none: a new trace). */
function publishSpan(row: OutboxRow, prefix: string): Span {
  const parent = contextFrom({
    traceparent: row.traceparent ?? undefined,
    tracestate: row.tracestate ?? undefined,
  });
  return tracer.startSpan(
    `${prefix}${row.topic} publish`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        "messaging.system": "kafka",
        "messaging.operation.type": "send",
        "messaging.destination.name": `${prefix}${row.topic}`,
        "messaging.message.id": row.id,
        "cloudevents.event_type": row.type,
      },
    },
    parent,
  );
}

function groupByTopic(rows: OutboxRow[], prefix: string, spans: Span[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const [i, row] of rows.entries()) {
    // Tracing off, the span is a no-op carrying the row's context: the row's ids go on unchanged.
    const traceContext = currentTraceHeaders(trace.setSpan(ROOT_CONTEXT, spans[i]));
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.key,
      value: row.data,
      headers: toKafkaHeaders({
        id: row.id,
        source: row.source,
        type: row.type,
        subject: row.subject ?? undefined,
        time: new Date(row.time).toISOString(),
        requestid: row.request_id ?? undefined,
        traceparent: traceContext.traceparent,
        tracestate: traceContext.tracestate,
      }),
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic: `${prefix}${topic}`, messages }));
}
