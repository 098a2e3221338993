import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** Carried through a GraphQL request or an event handler so every log line names it. */
export interface RequestContext {
  requestId: string;
  userId?: string;
  eventId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentContext = (): RequestContext | undefined => storage.getStore();

export function runWithContext<T>(context: Partial<RequestContext>, fn: () => T): T {
  return storage.run({ requestId: context.requestId || randomUUID(), ...context } as RequestContext, fn);
}
