import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { testEnv } from "./env";

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
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

/**
 * Drops with FORCE, retried briefly: an autovacuum worker that has just entered the database can
 * make the drop fail (55006 in use, or 42501 where the admin role cannot signal it).
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 10 || (code !== "55006" && code !== "42501")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

/** A fresh, empty database on the real PostgreSQL for one test file; dropped afterwards. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `test_${prefix}_${randomBytes(4).toString("hex")}`.toLowerCase();
  await adminQuery(`CREATE DATABASE "${name}"`);
  const user = encodeURIComponent(testEnv.pgUser);
  const password = encodeURIComponent(testEnv.pgPassword);
  return {
    name,
    url: `postgres://${user}:${password}@${testEnv.pgHost}:${testEnv.pgPort}/${name}`,
    drop: () => dropDatabase(name),
  };
}
