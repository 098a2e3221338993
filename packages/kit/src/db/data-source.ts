import { Client, type ClientConfig } from "pg";
import { DataSource, type EntitySchema, type MixedList } from "typeorm";
import type { Logger } from "pino";
import { watchPool } from "./pool-metrics";

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  applicationName: string;
}

/**
 * A pool connection that never crashes the process with an unhandled 'error' event. pg-pool listens
 * on a client only while it is idle, TypeORM only while a query runner holds it; PostgreSQL ending
 * its sessions (a restart: 57P01) can reach a client in neither state. Each query on it still fails,
 * and TypeORM and the pool drop it; this listener only keeps the process alive to reconnect.
 */
class PoolClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on("error", () => undefined);
  }
}

/** A PostgreSQL DataSource. The schema only ever changes through migrations (synchronize stays off). */
export function createDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "schema_migrations",
    synchronize: false,
    migrationsRun: false,
    applicationName: options.applicationName,
    extra: { max: options.poolSize, application_name: options.applicationName, Client: PoolClient },
  });
  watchPool(dataSource, options.applicationName);
  return dataSource;
}

/** Runs pending migrations, each in its own transaction, and logs what ran. */
export async function runMigrations(dataSource: DataSource, logger: Logger): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: "each" });
  const names = ran.map((m) => m.name);
  logger.info({ migrations: names }, names.length ? "migrations applied" : "database schema is up to date");
  return names;
}

/** Entry point for a service's `migrate` command: initialise, migrate, close; exit 1 on failure. */
export async function migrateCommand(dataSource: DataSource, logger: Logger): Promise<void> {
  try {
    await dataSource.initialize();
    await runMigrations(dataSource, logger);
    await dataSource.destroy();
  } catch (error) {
    logger.error({ err: error }, "migration failed");
    process.exitCode = 1;
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
