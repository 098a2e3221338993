import type { EventContract } from "./contract";
import { organizationEvents } from "./organization";

export * from "./contract";
export * from "./organization";

/** Every event type of the suite: the source of topics, validation and the AsyncAPI document. */
export const allContracts: EventContract[] = [...organizationEvents];

export function contractByType(type: string): EventContract | undefined {
  return allContracts.find((c) => c.type === type);
}

export function allTopics(): string[] {
  return [...new Set(allContracts.map((c) => c.topic))];
}
