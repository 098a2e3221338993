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
  /** The Kafka key: which data field it is, and what it means (the AsyncAPI document says it per channel). */
  key: EventKey;
  schema: S;
}

/**
 * The Kafka key of a topic's events: the data field whose value it is, and what that is. Events of one
 * key keep their order. Every event of a topic has the same key; publishing checks the key given
 * equals the field's value, so the document cannot drift from the code.
 */
export interface EventKey {
  field: string;
  /** e.g. "the org unit's id" */
  means: string;
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
  key: EventKey,
): EventContract<S> {
  return {
    type: `grassroots.${service}.${aggregate}.${action}.v1`,
    topic: topicOf(service, aggregate),
    service,
    aggregate,
    description,
    key,
    schema,
  };
}
