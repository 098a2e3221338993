import type { EventContract, EventData } from "@grassroots/events";

/** An event a use case asks to publish; the unit of work writes it to the outbox in its transaction. */
export interface OutgoingEvent<C extends EventContract = EventContract> {
  contract: C;
  data: EventData<C>;
  /** Kafka key: the aggregate id. */
  key: string;
}

export const outgoing = <C extends EventContract>(
  contract: C,
  data: EventData<C>,
  key: string,
): OutgoingEvent => ({ contract, data, key }) as OutgoingEvent;
