import type { DataSource, Logger as TypeOrmLogger } from "typeorm";

/** Counts every SQL statement a data source sends (TypeORM calls logQuery for each, logging on or off). */
export class QueryCounter implements TypeOrmLogger {
  queries: string[] = [];
  logQuery(query: string) {
    this.queries.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}

  /** Statements sent while `fn` runs. */
  async count(fn: () => Promise<unknown>): Promise<string[]> {
    const start = this.queries.length;
    await fn();
    return this.queries.slice(start);
  }
}

export function countQueries(dataSource: DataSource): QueryCounter {
  const counter = new QueryCounter();
  dataSource.setOptions({ logger: counter });
  return counter;
}
