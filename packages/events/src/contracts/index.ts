import type { EventContract } from "./contract";
import { organizationEvents } from "./organization";
import { personnelEvents } from "./personnel";
import { trainingEvents } from "./training";
import { financeEvents } from "./finance";
import { evaluationEvents } from "./evaluation";
import { ruleStatusContracts } from "./rule-status";

export * from "./common";
export * from "./contract";
export * from "./organization";
export * from "./personnel";
export * from "./training";
export * from "./finance";
export * from "./evaluation";
export * from "./rule-status";

/** Every event type of the suite: the source of topics, validation and the AsyncAPI document. */
export const allContracts: EventContract[] = [
  ...organizationEvents,
  ...personnelEvents,
  ...trainingEvents,
  ...financeEvents,
  ...evaluationEvents,
  ...ruleStatusContracts,
];

export function contractByType(type: string): EventContract | undefined {
  return allContracts.find((c) => c.type === type);
}

export function allTopics(): string[] {
  return [...new Set(allContracts.map((c) => c.topic))];
}
