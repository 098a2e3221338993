import { z } from "zod";

/**
 * One event type: its CloudEvents `type`, the topic of its aggregate, and the schema of its data.
 * Data is validated against the schema when published (outbox writer) and when consumed (inbox).
 */
export interface EventContract<S extends z.ZodType = z.ZodType> {
  /** e.g. grassroots.organization.org-unit.created.v1 */
  type: string;
  /** e.g. grassroots.organization.org-unit.v1 */
  topic: string;
  /** Publishing service, for `ce_source` (/grassroots/<service>). */
  service: string;
  aggregate: string;
  description: string;
  schema: S;
}

export type EventData<C extends EventContract> = z.output<C["schema"]>;

export function topicOf(service: string, aggregate: string): string {
  return `grassroots.${service}.${aggregate}.v1`;
}

export function dlqTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export function defineEvent<S extends z.ZodType>(
  service: string,
  aggregate: string,
  action: string,
  description: string,
  schema: S,
): EventContract<S> {
  return {
    type: `grassroots.${service}.${aggregate}.${action}.v1`,
    topic: topicOf(service, aggregate),
    service,
    aggregate,
    description,
    schema,
  };
}
