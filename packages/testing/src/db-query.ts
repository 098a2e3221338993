import { Client } from "pg";

/**
 * One SQL statement against a database by URL (say, a suite service's throwaway database), for tests
 * that compare what a client sees with what each service stored.
 */
export async function queryDatabase<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
