import { randomUUID } from "node:crypto";
import { queryDatabase, testKafka, type RunningSuite } from "@grassroots/testing";
import type { TopicReading } from "./year-steps";

// Issue 14, "Redelivery" and "Poison message", over a suite that has lived through a year: every
// consumer of every service is fed its events again, and malformed ones, and must end as it was.

/** What a consumer group of a service consumed: from its inbox (consumer = group id, topic, type). */
export interface ConsumedStream {
  service: string;
  group: string;
  topic: string;
  type: string;
}

export async function consumedStreams(suite: RunningSuite): Promise<ConsumedStream[]> {
  const streams: ConsumedStream[] = [];
  for (const [service, db] of Object.entries(suite.databases)) {
    const rows = await queryDatabase<{ consumer: string; topic: string; type: string }>(
      db.url,
      `SELECT DISTINCT consumer, topic, type FROM inbox ORDER BY 1, 2, 3`,
    );
    for (const r of rows) streams.push({ service, group: r.consumer, topic: r.topic, type: r.type });
  }
  return streams;
}

/**
 * One hash per service over every row of every table but the inbox (which records deliveries, not
 * business) and the migrations list: equal hashes, equal state — the outbox included, so a handler
 * that published again would show.
 */
export async function fingerprints(suite: RunningSuite): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [service, db] of Object.entries(suite.databases)) {
    const tables = await queryDatabase<{ name: string }>(
      db.url,
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('inbox', 'migrations')
        ORDER BY table_name`,
    );
    const parts = tables.map(
      (t) =>
        `SELECT '${t.name}' || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '-') AS h FROM ${t.name} r`,
    );
    const [row] = await queryDatabase<{ h: string }>(
      db.url,
      `SELECT md5(string_agg(h, ',' ORDER BY h)) AS h FROM (${parts.join(" UNION ALL ")}) x`,
    );
    out[service] = row.h;
  }
  return out;
}

type Message = TopicReading["messages"][number];

/** Produces messages as they were read (same key, headers and value; `ce_id` kept unless overridden). */
export async function produce(
  topic: string,
  messages: { key: string; headers: Record<string, string>; value: string }[],
) {
  const producer = testKafka().producer();
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 200)
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 200) });
  } finally {
    await producer.disconnect();
  }
}

/** The newest state event of each key re-sent with its oldest state, under a new id: a stale event after a newer one. */
export function staleAfterNewer(messages: Message[]): Message[] {
  const oldest = new Map<string, Message>();
  for (const m of messages) if (!oldest.has(m.key)) oldest.set(m.key, m);
  return [...oldest.values()].map((m) => ({ ...m, headers: { ...m.headers, ce_id: randomUUID() } }));
}

/** Waits until every consumer group of the suite has committed up to the end of every topic it reads. */
export async function waitUntilConsumed(suite: RunningSuite, timeoutMs = 120_000): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(suite.topicPrefix) && !g.endsWith(".dlq-replay"));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let behind = 0;
      for (const groupId of groups) {
        for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
          const ends = new Map(
            (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]),
          );
          for (const p of partitions) if (BigInt(p.offset) < (ends.get(p.partition) ?? 0n)) behind++;
        }
      }
      if (behind === 0) return;
      if (Date.now() > deadline)
        throw new Error(`${behind} group partitions still behind after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await admin.disconnect();
  }
}

/** A malformed value and a contract-breaking one, both of a type the consumer handles, on its topic. */
export function poisonFor(stream: ConsumedStream, sample: Message): Message[] {
  const headers = (id: string) => ({ ...sample.headers, ce_id: id });
  return [
    { key: sample.key, headers: headers(randomUUID()), value: "{ this is not JSON" },
    {
      key: sample.key,
      headers: headers(randomUUID()),
      value: JSON.stringify({ unexpected: true, type: stream.type }),
    },
  ];
}
