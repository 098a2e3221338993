import {
  orgUnitHomePath,
  runMigrations,
  startSubgraphServer,
  type HomePathLookup,
  type Logger,
  type ReadinessCheck,
  type ServiceEnv,
} from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import type { ConsumerWiring } from "../inbox/domain-handler";
import { EventConsumer, type RetryPolicy } from "../inbox/event-consumer";
import { checkKafka, createKafka } from "../kafka/client";
import { kafkaSecurityOf } from "../kafka/security";
import { watchConsumerLag, type WatchedGroup } from "../inbox/consumer-lag";
import { watchOutboxLag } from "../outbox/outbox-lag";
import { OutboxRelay } from "../outbox/outbox-relay";
import { type PeriodicTask, startPeriodicTasks } from "./periodic-task";
import type { SubgraphCommand } from "./subgraph-commands";

/** What a service contributes once its database is open: its schema and what it consumes. */
export interface SubgraphWiring {
  schema: GraphQLSchema;
  consumers?: ConsumerWiring[];
  /**
   * Defaults to the kit's `orgUnitHomePath`, which relies on the `org_unit(id, path, active)` table
   * (the service's tree, or its projection of it from @grassroots/org-projection).
   */
  homePathOf?: HomePathLookup;
  /** Time-driven checks (an overdue filing, an instalment past due): run while events are on. */
  tasks?: PeriodicTask[];
  /** Operators' commands (`node dist/main.js <name>`), beside the built-in `replay-dead-letters`. */
  commands?: Record<string, SubgraphCommand>;
}

export interface SubgraphProcess<W extends SubgraphWiring = SubgraphWiring> {
  name: string;
  config: ServiceEnv;
  logger: Logger;
  dataSource: DataSource;
  /** Builds the service's ports, schema and consumers from the open DataSource; returned as `wiring`. */
  wire(dataSource: DataSource): Promise<W>;
  /** False: no outbox relay and no consumers (a test of the API alone). Default true. */
  events?: boolean;
  /** Consumers' retry policy (tests shorten it); the consumer's default otherwise. */
  consumerRetry?: RetryPolicy;
  /** Gives up a start still waiting for Kafka: what started is stopped and the start rejects. */
  abort?: AbortSignal;
}

export interface RunningSubgraph<W extends SubgraphWiring = SubgraphWiring> {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  port: number;
  dataSource: DataSource;
  wiring: W;
  /** Sends what the outbox holds now (the relay's flush); nothing to do when events are off. */
  flushOutbox(): Promise<void>;
  /** Stops taking requests and drains them, stops the consumers, flushes the relay, closes the pool. */
  stop(): Promise<void>;
}

interface Step {
  name: string;
  stop(): Promise<void>;
}

/** Starts it; if that fails, stops what it half started (its connections) before passing the error on. */
async function startOrStop(part: { start(): Promise<void>; stop(): Promise<void> }): Promise<void> {
  try {
    await part.start();
  } catch (error) {
    await part.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Retries a start that needs Kafka until it succeeds (0.25 s doubling to 1 s between attempts, so it
 * is up within about a second of the broker): while the broker is away the process stays up and live,
 * and not ready. One warning, then the attempts go to debug.
 */
async function untilStarted<T>(
  logger: Logger,
  what: string,
  start: () => Promise<T>,
  abort?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const started = await start();
      if (attempt > 1) logger.warn({ attempts: attempt }, `${what} started after waiting for Kafka`);
      return started;
    } catch (error) {
      if (abort?.aborted) throw error;
      const retryInMs = Math.min(250 * 2 ** (attempt - 1), 1000);
      if (attempt === 1) logger.warn({ err: error }, `${what} could not start; retrying until Kafka answers`);
      else logger.debug({ err: error, attempt, retryInMs }, `${what} still cannot start`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, retryInMs);
        abort?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (abort?.aborted) throw new Error(`start given up while ${what} waited for Kafka`);
    }
  }
}

/**
 * The one bootstrap of every subgraph, without signal handling: database (+ migrations when
 * MIGRATE_ON_START) → the service's wiring → HTTP server → outbox relay and event consumers (the
 * consumers retried until Kafka answers; not ready until then). If a step fails, what already started
 * is stopped again before the error is thrown.
 */
export async function startSubgraph<W extends SubgraphWiring>(
  process: SubgraphProcess<W>,
): Promise<RunningSubgraph<W>> {
  const { name, config, logger, dataSource } = process;
  const steps: Step[] = [];
  const stop = async () => {
    let failure: unknown;
    for (const step of steps.splice(0).reverse()) {
      try {
        await step.stop();
        logger.info({ step: step.name }, "stopped");
      } catch (error) {
        failure ??= error;
        logger.error({ err: error, step: step.name }, "failed to stop cleanly");
      }
    }
    if (failure) throw failure;
  };
  let flushOutbox = async () => undefined as void;
  try {
    await dataSource.initialize();
    steps.push({ name: "database", stop: () => dataSource.destroy() });
    if (config.MIGRATE_ON_START) await runMigrations(dataSource, logger);
    const wiring = await process.wire(dataSource);

    const readiness: ReadinessCheck[] = [
      { name: "database", check: async () => void (await dataSource.query("SELECT 1")) },
    ];
    // HTTP first: liveness must not wait for Kafka (a broker outage at start would otherwise make a
    // liveness probe restart the pod in a loop); readiness says what is still missing.
    const server = await startSubgraphServer({
      name,
      port: config.PORT,
      host: config.HOST,
      production: config.NODE_ENV === "production",
      internalSecret: config.INTERNAL_SECRET,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      schema: wiring.schema,
      logger,
      homePathOf: wiring.homePathOf ?? orgUnitHomePath(dataSource),
      readiness,
    });
    const http: Step = {
      name: "http",
      stop: async () => {
        server.setDraining();
        await server.stop();
      },
    };
    steps.push(http);
    // The event steps stop after the server has drained its requests: they go before it in `steps`.
    const addStep = (step: Step) => steps.splice(steps.indexOf(http), 0, step);
    if (process.events !== false) {
      const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID ?? name, logger, {
        security: kafkaSecurityOf(config),
      });
      const topicPrefix = config.KAFKA_TOPIC_PREFIX;
      let eventsStarted = false;
      readiness.push({ name: "kafka", check: () => checkKafka(kafka) });
      readiness.push({
        name: "events",
        check: async () => {
          if (!eventsStarted)
            throw new Error("the outbox relay and consumers are not started yet (waiting for Kafka)");
        },
      });
      // The relay needs no broker to start: its loop backs off and retries on its own.
      const relay = new OutboxRelay({
        databaseUrl: config.DATABASE_URL,
        kafka,
        logger,
        service: name,
        pollMs: config.OUTBOX_POLL_MS,
        batchSize: config.OUTBOX_BATCH_SIZE,
        topicPrefix,
      });
      await relay.start();
      flushOutbox = () => relay.flush();
      addStep({ name: "outbox relay", stop: () => relay.stop() });
      // Measured apart from the relay, so a stuck relay's lag still shows (#16).
      const outboxLag = watchOutboxLag(dataSource, logger);
      addStep({ name: "outbox lag", stop: () => outboxLag.stop() });
      const watched: WatchedGroup[] = [];
      for (const { groupId, handlers } of wiring.consumers ?? []) {
        const consumer = await untilStarted(
          logger,
          `consumer ${groupId}`,
          async () => {
            const candidate = new EventConsumer({
              kafka,
              dataSource,
              groupId,
              handlers,
              logger,
              topicPrefix,
              retry: process.consumerRetry,
            });
            await startOrStop(candidate);
            return candidate;
          },
          process.abort,
        );
        addStep({ name: `consumer ${consumer.topics.join(", ")}`, stop: () => consumer.stop() });
        watched.push({ groupId, kafkaGroupId: `${topicPrefix ?? ""}${groupId}`, topics: consumer.topics });
      }
      if (watched.length) {
        const consumerLag = watchConsumerLag(kafka, watched, logger);
        addStep({ name: "consumer lag", stop: () => consumerLag.stop() });
      }
      if (wiring.tasks?.length) {
        const tasks = startPeriodicTasks(wiring.tasks, logger);
        addStep({ name: "periodic tasks", stop: () => tasks.stop() });
      }
      eventsStarted = true;
    }
    return { url: server.url, port: server.port, dataSource, wiring, flushOutbox: () => flushOutbox(), stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
