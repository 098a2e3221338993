import { createDataSource, createLogger, type Logger } from "@grassroots/kit";
import { createTestDatabase, testEnv, uniqueName, type TestDatabase } from "@grassroots/test-infra";
import { Client } from "pg";
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { z } from "zod";
import {
  defineEvent,
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
  OutboxAndInbox1764100000000,
  type EventContract,
} from "../src";

export const logger: Logger = createLogger("events-test", process.env.LOG_LEVEL ?? "silent");

/** A contract on a topic of its own, so test runs never read each other's events. */
export function widgetContract() {
  const base = defineEvent(
    "test",
    "widget",
    "changed",
    "A test widget changed",
    z.object({ widgetId: z.string(), n: z.number().int() }),
    {
      field: "widgetId",
      means: "the widget's id",
    },
  );
  return { ...base, topic: `grassroots.${uniqueName("test.widget")}.v1` } satisfies EventContract;
}

class WidgetTable1764100000001 implements MigrationInterface {
  name = "WidgetTable1764100000001";
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE widget_effect (widget_id text NOT NULL, n integer NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE widget_effect`);
  }
}

/** A DataSource (not yet initialised) with the outbox, the inbox and the widget_effect table. */
export function widgetDataSource(url: string): DataSource {
  return createDataSource({
    url,
    poolSize: 4,
    entities: [],
    migrations: [
      OutboxAndInbox1764100000000,
      InboxEventHashes1765000000000,
      OutboxTraceContext1765300000000,
      WidgetTable1764100000001,
    ],
    applicationName: "events-test",
  });
}

export async function openDatabase(): Promise<{ db: TestDatabase; dataSource: DataSource }> {
  const db = await createTestDatabase("events");
  const dataSource = widgetDataSource(db.url);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return { db, dataSource };
}

export const brokers = testEnv.kafkaBrokers;

/** One statement as the admin on the shared cluster's `postgres` database. */
async function asAdmin(sql: string): Promise<void> {
  const client = new Client({
    host: testEnv.pgHost,
    port: testEnv.pgPort,
    user: testEnv.pgUser,
    password: testEnv.pgPassword,
    database: "postgres",
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database outage of one test database: it stops accepting connections and its sessions are ended. */
export async function refuseConnections(database: string): Promise<void> {
  await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
  await asAdmin(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
  );
}

/** The end of that outage. */
export const allowConnections = (database: string) =>
  asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
