import "reflect-metadata";
import { startSubgraph, type RunningSubgraph } from "@grassroots/events";
import { createLogger } from "@grassroots/kit";
import { callSubgraph, testEnv, type GraphQLResult } from "@grassroots/testing";
import type { Identity } from "@grassroots/kit";
import { cliConfigSchema, configSchema, settingsOf } from "../../src/config";
import { createPersonnelDataSource } from "../../src/db/data-source";
import { personalDataCipherOf } from "../../src/personal-data/settings";
import { wirePersonnel, type PersonnelWiring } from "../../src/wire";
import { TestClock } from "./harness";

export interface PersonnelOn {
  running: RunningSubgraph<PersonnelWiring>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown>,
    who: Identity,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/**
 * Personnel's subgraph on a database that outlives it (the harness drops its own at stop): started
 * again with other PERSONAL_DATA_* settings, as a rollout restarts the pods with a new Secret. The API
 * alone (no Kafka): the writes' events stay in the outbox. Migrates at start.
 */
export async function startPersonnelOn(url: string, keys: Record<string, string>): Promise<PersonnelOn> {
  const running = await startSubgraph<PersonnelWiring>({
    name: "personnel",
    config: {
      ...configSchema.parse({
        NODE_ENV: "test",
        LOG_LEVEL: "silent",
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: "4",
        MIGRATE_ON_START: "true",
        KAFKA_BROKERS: testEnv.kafkaBrokers.join(","),
        INTERNAL_SECRET: testEnv.internalSecret,
        ...keys,
      }),
      PORT: 0, // a free port
    },
    logger: createLogger("personnel-test", "silent"),
    dataSource: createPersonnelDataSource(url, 4, personalDataCipherOf({ NODE_ENV: "test", ...keys })),
    events: false,
    wire: (dataSource) =>
      wirePersonnel(
        dataSource,
        settingsOf(cliConfigSchema.parse({ DATABASE_URL: url, NODE_ENV: "test", ...keys })),
        new TestClock(),
      ),
  });
  return {
    running,
    call: (query, variables, who) => callSubgraph(running.url, query, variables, who),
    stop: () => running.stop(),
  };
}
