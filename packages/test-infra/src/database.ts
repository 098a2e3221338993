import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { testEnv } from "./env";
import type { PgServer } from "./pg-cluster";

/** The shared PostgreSQL of the infra/ scripts (127.0.0.1:5433 by default). */
export const sharedPostgres = (): PgServer => ({
  host: testEnv.pgHost,
  port: testEnv.pgPort,
  user: testEnv.pgUser,
  password: testEnv.pgPassword,
});

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function adminQuery(server: PgServer, sql: string): Promise<void> {
  const client = new Client({ ...server, database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drops with FORCE, retried briefly: an autovacuum worker that has just entered the database can
 * make the drop fail (55006 in use, or 42501 where the admin role cannot signal it).
 */
async function dropDatabase(server: PgServer, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 10 || (code !== "55006" && code !== "42501")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

/**
 * A fresh, empty database on the real PostgreSQL for one test file; dropped afterwards. On the shared
 * cluster unless another server is given (a test's private cluster, which it may stop and start).
 */
export async function createTestDatabase(
  prefix: string,
  server: PgServer = sharedPostgres(),
): Promise<TestDatabase> {
  const name = `test_${prefix}_${randomBytes(4).toString("hex")}`.toLowerCase();
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const user = encodeURIComponent(server.user);
  const password = encodeURIComponent(server.password);
  return {
    name,
    url: `postgres://${user}:${password}@${server.host}:${server.port}/${name}`,
    drop: () => dropDatabase(server, name),
  };
}
