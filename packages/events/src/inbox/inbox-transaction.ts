import type { Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import type { EventHandler } from "./event-consumer";
import { eventDataHash } from "./event-hash";
import { noticeReuse } from "./inbox-batch";
import type { ReceivedEvent } from "./received-event";

/**
 * One event through the inbox: the event id (with a hash of its data) and the handler's writes
 * commit in one transaction, so a redelivery is a no-op. An id already handled with *other* data is
 * not a redelivery: the first event stands, this one is counted and logged (never its data).
 */
export async function handleInInbox(
  inbox: { dataSource: DataSource; groupId: string; logger: Logger },
  handler: EventHandler,
  event: ReceivedEvent,
): Promise<"handled" | "duplicate"> {
  const { groupId } = inbox;
  const hash = eventDataHash(event.type, event.data);
  return inbox.dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id, type, topic, kafka_partition, kafka_offset, data_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING event_id`,
      [groupId, event.id, event.type, event.topic, event.partition, event.offset, hash],
    );
    if (inserted.length > 0) {
      await handler.handle(event, manager);
      return "handled";
    }
    const [first]: { data_hash: string | null; topic: string; kafka_offset: string }[] = await manager.query(
      `SELECT data_hash, topic, kafka_offset FROM inbox WHERE consumer = $1 AND event_id = $2`,
      [groupId, event.id],
    );
    noticeReuse(
      inbox,
      event,
      hash,
      first && { hash: first.data_hash, topic: first.topic, offset: first.kafka_offset },
    );
    return "duplicate";
  });
}
