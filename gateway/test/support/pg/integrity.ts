import { queryDatabase as sql, readTopicWithKcat } from "@grassroots/testing";

// What the PostgreSQL fault tests check in a service's database and on its topic after the fault.

export interface BusinessKind {
  /** The business table, keyed by `id`. */
  table: string;
  /** The outbox event each new row publishes in its own transaction. */
  eventType: string;
  /** The field of the event's data that holds the row's id. */
  idField: string;
  topic: string;
}

export interface Integrity {
  /** Acknowledged ids without their row. */
  lost: string[];
  /** Rows without their outbox event, and outbox events without their row: half-written changes. */
  rowsWithoutEvent: number;
  eventsWithoutRow: number;
  /** Acknowledged ids whose event is not on the topic. */
  notOnTopic: string[];
}

export async function checkIntegrity(
  url: string,
  kind: BusinessKind,
  acknowledged: string[],
  topicPrefix: string,
): Promise<Integrity> {
  const present = await sql<{ id: string }>(url, `SELECT id FROM ${kind.table} WHERE id = ANY($1::uuid[])`, [
    acknowledged,
  ]);
  const have = new Set(present.map((r) => r.id));
  const [{ n: rowsWithoutEvent }] = await sql<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM ${kind.table} b
      WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.type = $1 AND o.data->>$2 = b.id::text)`,
    [kind.eventType, kind.idField],
  );
  const [{ n: eventsWithoutRow }] = await sql<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM outbox o
      WHERE o.type = $1 AND NOT EXISTS (SELECT 1 FROM ${kind.table} b WHERE b.id::text = o.data->>$2)`,
    [kind.eventType, kind.idField],
  );
  const onTopic = new Set(
    (await readTopicWithKcat(`${topicPrefix}${kind.topic}`))
      .filter((m) => m.headers.ce_type === kind.eventType)
      .map((m) => (JSON.parse(m.value) as Record<string, string>)[kind.idField]),
  );
  return {
    lost: acknowledged.filter((id) => !have.has(id)),
    rowsWithoutEvent,
    eventsWithoutRow,
    notOnTopic: acknowledged.filter((id) => !onTopic.has(id)),
  };
}

/** Outbox rows not yet sent to Kafka. */
export async function unsentEvents(url: string): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`,
  );
  return n;
}

/** When the relay first sent an event after `since` (epoch ms), from the outbox's own sent_at. */
export async function firstSentAfter(url: string, since: number): Promise<number | undefined> {
  const [{ first }] = await sql<{ first: string | null }>(
    url,
    `SELECT (extract(epoch FROM min(sent_at)) * 1000)::bigint AS first FROM outbox WHERE sent_at > to_timestamp($1 / 1000.0)`,
    [since],
  );
  return first === null ? undefined : Number(first);
}
