import { createDataSource, createLogger, type Logger } from "@grassroots/kit";
import { createTestDatabase, testEnv, uniqueName, type TestDatabase } from "@grassroots/test-infra";
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { z } from "zod";
import {
  defineEvent,
  InboxEventHashes1765000000000,
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
    migrations: [OutboxAndInbox1764100000000, InboxEventHashes1765000000000, WidgetTable1764100000001],
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
