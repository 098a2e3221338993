import type { KafkaMessage } from "kafkajs";
import { fromKafkaHeaders } from "../contracts/envelope";
import type { EventHandler } from "./event-consumer";
import type { ReceivedEvent } from "./received-event";

/** Why a message cannot be handled, ever: no retry, straight to the DLQ. */
export class PoisonMessage extends Error {}

/**
 * A Kafka message as the event its handler takes: CloudEvent attributes from the headers, data
 * checked against the contract (when this consumer handles its type). PoisonMessage when it cannot be.
 */
export function parseMessage(
  handlers: ReadonlyMap<string, EventHandler>,
  topic: string,
  partition: number,
  message: KafkaMessage,
): { event: ReceivedEvent; handler: EventHandler | undefined } {
  let attrs;
  try {
    attrs = fromKafkaHeaders(message.headers);
  } catch (error) {
    throw new PoisonMessage((error as Error).message);
  }
  const handler = handlers.get(attrs.type);
  let data: unknown = undefined;
  if (handler) {
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString("utf8") ?? "null");
    } catch {
      throw new PoisonMessage("event data is not JSON");
    }
    const parsed = handler.contract.schema.safeParse(raw);
    if (!parsed.success) throw new PoisonMessage(`event data breaks its contract: ${parsed.error.message}`);
    data = parsed.data;
  }
  const event: ReceivedEvent = {
    ...attrs,
    data,
    key: message.key?.toString("utf8") ?? null,
    topic,
    partition,
    offset: message.offset,
  };
  return { event, handler };
}
