import { Gauge } from "prom-client";
import type { DataSource } from "typeorm";
import { metricsRegistry } from "../server/metrics";

/** The counts pg-pool keeps (TypeORM's postgres driver holds the pool as `master`). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** Pools of this process by name (the DataSource's application name); weak, so a destroyed one goes. */
const pools = new Map<string, Set<WeakRef<DataSource>>>();

/** Counts pool connections and waiting clients of the process's DataSources at each scrape. */
export function watchPool(dataSource: DataSource, name: string): void {
  const set = pools.get(name) ?? new Set();
  set.add(new WeakRef(dataSource));
  pools.set(name, set);
}

function poolsByName(): [string, PgPool[]][] {
  const result: [string, PgPool[]][] = [];
  for (const [name, set] of pools) {
    const open: PgPool[] = [];
    for (const ref of set) {
      const dataSource = ref.deref();
      if (!dataSource) {
        set.delete(ref);
        continue;
      }
      const pool = dataSource.isInitialized
        ? (dataSource.driver as unknown as { master?: PgPool }).master
        : undefined;
      if (pool) open.push(pool);
    }
    result.push([name, open]);
  }
  return result;
}

/** A gauge set from every pool at scrape time (no timer; a process without a pool reports none). */
function poolGauge(name: string, help: string, read: (pool: PgPool) => number) {
  return new Gauge({
    name,
    help,
    labelNames: ["pool"] as const,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const [pool, open] of poolsByName())
        this.set(
          { pool },
          open.reduce((sum, p) => sum + read(p), 0),
        );
    },
  });
}

export const dbPoolConnections = poolGauge(
  "db_pool_connections",
  "Connections the database pool holds (idle and in use)",
  (p) => p.totalCount,
);
export const dbPoolIdleConnections = poolGauge(
  "db_pool_idle_connections",
  "Connections of the database pool not in use",
  (p) => p.idleCount,
);
export const dbPoolWaitingClients = poolGauge(
  "db_pool_waiting_clients",
  "Queries waiting for a connection because every one of the pool's is in use (saturation)",
  (p) => p.waitingCount,
);
export const dbPoolMaxConnections = poolGauge(
  "db_pool_max_connections",
  "The most connections the pool may open (DATABASE_POOL_SIZE)",
  (p) => p.options?.max ?? 10,
);
