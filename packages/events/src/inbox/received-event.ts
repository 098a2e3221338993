import type { CloudEventAttributes } from "../contracts/envelope";

/** An event as a handler sees it: validated data plus its CloudEvents attributes and Kafka position. */
export interface ReceivedEvent<T = unknown> extends CloudEventAttributes {
  data: T;
  key: string | null;
  topic: string;
  partition: number;
  offset: string;
}
