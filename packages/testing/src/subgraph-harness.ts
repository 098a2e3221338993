import {
  provisionTopics,
  startSubgraph,
  topicSpecs,
  createKafka,
  type EventContract,
  type EventData,
  type SubgraphWiring,
} from "@grassroots/events";
import { createLogger, type Identity, type ServiceEnv } from "@grassroots/kit";
import {
  createTestDatabase,
  testEnv,
  testKafka,
  uniqueName,
  waitFor,
  type TestDatabase,
} from "@grassroots/test-infra";
import type { Producer } from "kafkajs";
import type { DataSource } from "typeorm";
import { deleteTopicsWithPrefix, sendCloudEvent } from "./event-fixtures";
import { callSubgraph, type GraphQLResult } from "./graphql-client";
import { countQueries, type QueryCounter } from "./query-counter";
import { expectRefused, fingerprint } from "./refusals";

/** The outbox without sent_at: the relay marks rows sent while a test runs, which is no write of the call. */
export const OUTBOX_ROWS = "(SELECT id, topic, key, type, data FROM outbox)";

export interface SubgraphHarnessOptions<W extends SubgraphWiring> {
  /** The service's name: its database prefix, Kafka client id and topic prefix. */
  name: string;
  createDataSource(url: string, poolSize: number): DataSource;
  /** The service's wiring, as its main.ts builds it; whatever else it returns is the harness's `wiring`. */
  wire(dataSource: DataSource): Promise<W>;
  /** The business tables a refused call must leave unchanged (the outbox is always added). */
  tables: string[];
  /** Consumers and the outbox relay on this file's own topics (a private prefix). Default false. */
  kafka?: boolean;
  /** Default 8. */
  poolSize?: number;
}

export interface SubgraphHarness<W extends SubgraphWiring = SubgraphWiring> {
  url: string;
  db: TestDatabase;
  dataSource: DataSource;
  /** What `wire` returned (the schema, the consumers and anything the service added: its services). */
  wiring: W;
  queries: QueryCounter;
  /** KAFKA_TOPIC_PREFIX of this file: its topics are created at start and deleted at stop ("" without Kafka). */
  topicPrefix: string;
  /** Calls the subgraph as the gateway would, for this identity (loosely typed results, as callSubgraph). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<GraphQLResult<T>>;
  /**
   * Runs a call that must be refused: asserts exactly one error with this code and that no business
   * row and no outbox row changed. Returns the message, for a test to check its words.
   */
  expectRefused(code: string, call: () => Promise<GraphQLResult>): Promise<string>;
  /** A fingerprint of the tables and the outbox: equal before and after means nothing was written. */
  fingerprint(): Promise<string>;
  /**
   * Sends an event as another service's relay would, on this file's topics (Kafka only); the key
   * defaults to the contract's key field. Returns its ce_id (pass `id` to redeliver one).
   */
  publish<C extends EventContract>(
    contract: C,
    data: EventData<C>,
    options?: { key?: string; id?: string },
  ): Promise<string>;
  /** Waits until the subgraph's consumer has handled the event (its inbox holds the id). */
  handled(eventId: string, timeoutMs?: number): Promise<void>;
  /** Sends what the outbox holds now (the relay's flush). */
  flushOutbox(): Promise<void>;
  /** Stops the subgraph as SIGTERM would, drops the database and deletes this file's topics. */
  stop(): Promise<void>;
}

/**
 * A service's subgraph in-process, through the same bootstrap as its process (`startSubgraph`):
 * a throwaway database on the real PostgreSQL, migrated at start; with `kafka`, the service's
 * consumers (short retries) and outbox relay on topics of this file alone; HTTP on a free port.
 */
export async function startSubgraphHarness<W extends SubgraphWiring>(
  options: SubgraphHarnessOptions<W>,
): Promise<SubgraphHarness<W>> {
  const { name } = options;
  const db = await createTestDatabase(name);
  const logger = createLogger(`${name}-test`, process.env.LOG_LEVEL ?? "silent");
  const kafka = options.kafka ?? false;
  const topicPrefix = kafka ? `${uniqueName(name.slice(0, 2))}.` : "";
  const poolSize = options.poolSize ?? 8;
  const config: ServiceEnv = {
    NODE_ENV: "test",
    PORT: 0,
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: poolSize,
    MIGRATE_ON_START: true,
    BODY_LIMIT_BYTES: 8_000_000,
    KAFKA_BROKERS: testEnv.kafkaBrokers,
    KAFKA_CLIENT_ID: `${name}-test`,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    INTERNAL_SECRET: testEnv.internalSecret,
    OUTBOX_POLL_MS: 100,
    OUTBOX_BATCH_SIZE: 500,
    SHUTDOWN_TIMEOUT_MS: 10_000,
    // Tracing off in the harness; the trace test runs real processes with an endpoint of its own.
    OTEL_EXPORTER_OTLP_ENDPOINT: "",
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "",
    OTEL_TRACES_SAMPLER_ARG: 1,
    OTEL_BSP_SCHEDULE_DELAY: 5000,
  };
  let producer: Producer | undefined;
  const cleanUp = async () => {
    await producer?.disconnect();
    await db.drop();
    if (kafka) await deleteTopicsWithPrefix(topicPrefix);
  };
  try {
    if (kafka) {
      const specs = topicSpecs({
        partitions: 1,
        replicationFactor: 1,
        retentionMs: 3_600_000,
        dlqRetentionMs: 3_600_000,
        prefix: topicPrefix,
      });
      await provisionTopics(createKafka(testEnv.kafkaBrokers, `${name}-test`, logger), specs);
      producer = testKafka().producer();
      await producer.connect();
    }
    let queries: QueryCounter | undefined;
    const running = await startSubgraph({
      name,
      config,
      logger,
      dataSource: options.createDataSource(db.url, poolSize),
      events: kafka,
      consumerRetry: { attempts: 2, initialMs: 50, maxMs: 100 },
      wire: async (dataSource) => {
        queries = countQueries(dataSource);
        return options.wire(dataSource);
      },
    });
    const { dataSource, url } = running;
    const tables = [...options.tables.filter((t) => t !== "outbox" && t !== OUTBOX_ROWS), OUTBOX_ROWS];
    const events = () => {
      if (!producer) throw new Error(`${name}'s harness was started without kafka: true`);
      return producer;
    };
    return {
      url,
      db,
      dataSource,
      wiring: running.wiring,
      queries: queries!,
      topicPrefix,
      call: (query, variables = {}, identity) => callSubgraph(url, query, variables, identity),
      expectRefused: (code, call) => expectRefused(dataSource, tables, code, call),
      fingerprint: () => fingerprint(dataSource, tables),
      publish: (contract, data, { key, id } = {}) =>
        sendCloudEvent(events(), {
          topic: `${topicPrefix}${contract.topic}`,
          type: contract.type,
          source: `/grassroots/${contract.service}`,
          key: key ?? String((data as Record<string, unknown>)[contract.key.field]),
          data,
          id,
        }),
      handled: (eventId, timeoutMs = 30_000) =>
        waitFor(
          async () =>
            (await dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0,
          `event ${eventId} to be handled`,
          timeoutMs,
          50,
        ).then(() => undefined),
      flushOutbox: () => running.flushOutbox(),
      async stop() {
        await running.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }
}
