import type { EntityManager } from "typeorm";
import type { EventContract, EventData } from "../contracts/contract";
import type { EventHandler } from "./event-consumer";
import type { ReceivedEvent } from "./received-event";

/**
 * A handler as a service's domain writes it: it receives the event and the service's own domain
 * transaction (its stores and publish), never a TypeORM object. `consumerOf` opens that transaction
 * over the inbox transaction, so the handler's writes, its events and the event id commit together.
 */
export interface DomainHandler<Tx, C extends EventContract = EventContract> {
  contract: C;
  handle(event: ReceivedEvent<EventData<C>>, tx: Tx): Promise<void>;
  /** Optional: many events in one go, as `handle` on each in order (see `EventHandler.handleBatch`). */
  handleBatch?(events: ReceivedEvent<EventData<C>>[], tx: Tx): Promise<void>;
}

/** One handler: `handle(OrgUnitMoved, (event, tx) => applyOrgUnitState(tx, …))`. */
export function handle<C extends EventContract, Tx>(
  contract: C,
  fn: (event: ReceivedEvent<EventData<C>>, tx: Tx) => Promise<void>,
): DomainHandler<Tx, C> {
  return { contract, handle: fn };
}

/** One consumer group of a subgraph, as `SubgraphWiring.consumers` takes it. */
export interface ConsumerWiring {
  /** Inbox namespace and, behind the topic prefix, the Kafka consumer group, e.g. "personnel". */
  groupId: string;
  handlers: EventHandler[];
}

/**
 * A consumer group whose handlers get the service's domain transaction: `transactionOf` turns the
 * inbox transaction's manager into it (the same function the service's unit of work uses).
 */
export function consumerOf<Tx>(
  groupId: string,
  transactionOf: (manager: EntityManager) => Tx,
  handlers: DomainHandler<Tx>[],
): ConsumerWiring {
  // Handlers sharing one batch function keep sharing one: the consumer joins their events by it.
  const batches = new Map<unknown, EventHandler["handleBatch"]>();
  const batchOf = (batch: DomainHandler<Tx>["handleBatch"]) => {
    if (!batch) return undefined;
    if (!batches.has(batch)) {
      batches.set(batch, (events, manager) => batch(events, transactionOf(manager)));
    }
    return batches.get(batch);
  };
  return {
    groupId,
    handlers: handlers.map((handler): EventHandler => ({
      contract: handler.contract,
      handle: (event, manager) => handler.handle(event, transactionOf(manager)),
      handleBatch: batchOf(handler.handleBatch),
    })),
  };
}
