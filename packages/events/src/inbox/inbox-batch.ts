import { runWithContext, type Logger } from "@grassroots/kit";
import type { DataSource, EntityManager } from "typeorm";
import { consumerIdReused } from "./consumer-metrics";
import type { EventHandler } from "./consumer-options";
import { eventDataHash } from "./event-hash";
import type { ReceivedEvent } from "./received-event";

/** One parsed event of a chunk, with the handler of its type. */
export interface ChunkItem {
  event: ReceivedEvent;
  handler: EventHandler;
}

/**
 * A handler failed inside a chunk's transaction (rolled back). `index` is the event that was being
 * handled, or undefined when a batch handler failed for several at once.
 */
export class ChunkHandlerFailed extends Error {
  constructor(
    readonly index: number | undefined,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

export interface Standing {
  hash: string | null;
  topic: string;
  offset: string;
}

const INSERT_INBOX = `
  INSERT INTO inbox (consumer, event_id, type, topic, kafka_partition, kafka_offset, data_hash)
  SELECT $1, e.* FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
    AS e(event_id, type, topic, kafka_partition, kafka_offset, data_hash)
  ON CONFLICT DO NOTHING RETURNING event_id`;

/**
 * A chunk of one partition's events through the inbox in ONE transaction: one multi-row insert of
 * their ids (and data hashes), one read of the ids that were already there (to tell a redelivery
 * from an id reused with other data), then the handlers of the new events in offset order. All
 * commit together or not at all. Returns each event's outcome, in the chunk's order.
 */
export async function handleChunkInInbox(
  inbox: { dataSource: DataSource; groupId: string; logger: Logger },
  items: ChunkItem[],
): Promise<("handled" | "duplicate")[]> {
  const { groupId } = inbox;
  const hashes = items.map(({ event }) => eventDataHash(event.type, event.data));
  // An id twice in the chunk: its first occurrence is the one inserted, the others are repeats.
  const firstIndex = new Map<string, number>();
  items.forEach(({ event }, i) => firstIndex.has(event.id) || firstIndex.set(event.id, i));
  const firsts = [...firstIndex.values()];
  return inbox.dataSource.transaction(async (manager) => {
    const column = <T>(pick: (i: number) => T) => firsts.map(pick);
    const inserted: { event_id: string }[] = await manager.query(INSERT_INBOX, [
      groupId,
      column((i) => items[i].event.id),
      column((i) => items[i].event.type),
      column((i) => items[i].event.topic),
      column((i) => items[i].event.partition),
      column((i) => items[i].event.offset),
      column((i) => hashes[i]),
    ]);
    const isNew = new Set(inserted.map((r) => r.event_id));
    const standing = await standingEvents(
      manager,
      groupId,
      [...firstIndex.keys()].filter((id) => !isNew.has(id)),
    );
    for (const id of isNew) {
      const first = items[firstIndex.get(id)!].event;
      standing.set(id, { hash: hashes[firstIndex.get(id)!], topic: first.topic, offset: first.offset });
    }
    const outcomes = items.map((item, i) =>
      isNew.has(item.event.id) && firstIndex.get(item.event.id) === i ? "handled" : "duplicate",
    );
    outcomes.forEach((outcome, i) => {
      if (outcome === "duplicate")
        noticeReuse(inbox, items[i].event, hashes[i], standing.get(items[i].event.id));
    });
    await runHandlers(manager, items, outcomes);
    return outcomes;
  });
}

async function standingEvents(
  manager: EntityManager,
  groupId: string,
  ids: string[],
): Promise<Map<string, Standing>> {
  const standing = new Map<string, Standing>();
  if (!ids.length) return standing;
  const rows: { event_id: string; data_hash: string | null; topic: string; kafka_offset: string }[] =
    await manager.query(
      `SELECT event_id, data_hash, topic, kafka_offset FROM inbox WHERE consumer = $1 AND event_id = ANY($2::text[])`,
      [groupId, ids],
    );
  for (const r of rows)
    standing.set(r.event_id, { hash: r.data_hash, topic: r.topic, offset: r.kafka_offset });
  return standing;
}

/** Not a redelivery when the data differs: the first one stands, this one is counted and named (never its data). */
export function noticeReuse(
  inbox: { groupId: string; logger: Logger },
  event: ReceivedEvent,
  hash: string,
  first?: Standing,
) {
  if (!first?.hash || first.hash === hash) return;
  consumerIdReused.inc({ group: inbox.groupId, type: event.type });
  inbox.logger.warn(
    {
      eventId: event.id,
      type: event.type,
      topic: event.topic,
      offset: event.offset,
      firstTopic: first.topic,
      firstOffset: first.offset,
    },
    "event id reused with different data; the first event stands and this one is dropped",
  );
}

/** The new events' handlers in offset order; consecutive events of one `handleBatch` go in one call. */
async function runHandlers(manager: EntityManager, items: ChunkItem[], outcomes: string[]): Promise<void> {
  const handled = items
    .map((item, index) => ({ ...item, index }))
    .filter((_, i) => outcomes[i] === "handled");
  for (let start = 0; start < handled.length;) {
    const batch = handled[start].handler.handleBatch;
    let end = start + 1;
    while (batch && end < handled.length && handled[end].handler.handleBatch === batch) end++;
    const run = handled.slice(start, end);
    const { event, handler, index } = run[0];
    await runWithContext({ requestId: event.requestid ?? event.id, eventId: event.id }, async () => {
      try {
        if (batch && run.length > 1)
          await batch(
            run.map((r) => r.event),
            manager,
          );
        else await handler.handle(event, manager);
      } catch (error) {
        throw new ChunkHandlerFailed(run.length > 1 ? undefined : index, error);
      }
    });
    start = end;
  }
}
