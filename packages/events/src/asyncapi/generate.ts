import { z } from "zod";
import { allContracts, dlqTopicOf } from "../contracts";
import type { EventContract } from "../contracts/contract";

const headersSchema = {
  type: "object",
  required: ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type"],
  properties: {
    ce_specversion: { type: "string", const: "1.0" },
    ce_id: { type: "string", description: "Unique event id; consumers deduplicate on it" },
    ce_source: { type: "string", description: "/grassroots/<service>" },
    ce_type: { type: "string" },
    ce_time: { type: "string", format: "date-time" },
    ce_subject: { type: "string", description: "Same as the Kafka key (see the channel)" },
    ce_requestid: { type: "string", description: "Extension: the request that caused the event" },
    ce_traceparent: {
      type: "string",
      description:
        "Distributed-tracing extension: W3C traceparent of the publish (continue the trace from it)",
    },
    ce_tracestate: { type: "string", description: "Distributed-tracing extension: W3C tracestate" },
    "content-type": { type: "string", const: "application/json" },
  },
};

const messageName = (c: EventContract) =>
  c.type
    .replace(/^grassroots\./, "")
    .replace(/\.v1$/, "")
    .replace(/[.-]/g, "_");

/**
 * The AsyncAPI 3.0 document integrators read: one channel per topic, one message per event type,
 * payload schemas generated from the same zod contracts the services validate with.
 */
export function generateAsyncApi(contracts: EventContract[] = allContracts): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const byTopic = new Map<string, EventContract[]>();
  for (const c of contracts) byTopic.set(c.topic, [...(byTopic.get(c.topic) ?? []), c]);

  for (const [topic, list] of [...byTopic].sort(([a], [b]) => a.localeCompare(b))) {
    const channelId = topic.replace(/^grassroots\./, "").replace(/[.-]/g, "_");
    const key = list[0].key;
    const messageRefs = Object.fromEntries(
      list.map((c) => [messageName(c), { $ref: `#/components/messages/${messageName(c)}` }]),
    );
    channels[channelId] = {
      address: topic,
      description: `Events of the ${list[0].aggregate} aggregate of the ${list[0].service} service. Kafka key: ${key.means} (the data field \`${key.field}\`); order is kept per key. Dead letters: ${dlqTopicOf(topic)}.`,
      messages: messageRefs,
      bindings: { kafka: { topic, bindingVersion: "0.5.0" } },
    };
    operations[`receive_${channelId}`] = {
      action: "receive",
      channel: { $ref: `#/channels/${channelId}` },
      summary: `Subscribe to ${topic}`,
    };
    // The dead-letter topic: the same messages as consumers received them, plus the dlq-* headers.
    const dlqId = `${channelId}_dlq`;
    channels[dlqId] = {
      address: dlqTopicOf(topic),
      description: `Dead letters of ${topic}: a message a consumer could not process, copied as it was (same key: ${key.means}) with the error in headers dlq-error, dlq-error-kind (poison or handler-failed), dlq-attempts, dlq-consumer-group, dlq-original-topic, dlq-original-partition, dlq-original-offset and dlq-failed-at.`,
      messages: messageRefs,
      bindings: { kafka: { topic: dlqTopicOf(topic), bindingVersion: "0.5.0" } },
    };
    operations[`receive_${dlqId}`] = {
      action: "receive",
      channel: { $ref: `#/channels/${dlqId}` },
      summary: `Read the dead letters of ${topic} (operations, replay)`,
    };
    for (const c of list) {
      messages[messageName(c)] = {
        name: c.type,
        title: c.type,
        summary: c.description,
        contentType: "application/json",
        headers: {
          ...headersSchema,
          properties: { ...headersSchema.properties, ce_type: { type: "string", const: c.type } },
        },
        payload: z.toJSONSchema(c.schema, { target: "draft-7", io: "output" }),
        bindings: {
          kafka: {
            key: { type: "string", description: `${c.key.means} (data field ${c.key.field})` },
            bindingVersion: "0.5.0",
          },
        },
      };
    }
  }
  return {
    asyncapi: "3.0.0",
    info: {
      title: "Grassroots statistics events",
      version: "1.0.0",
      description:
        "Events of the Grassroots platform on Apache Kafka, as CloudEvents 1.0 in Kafka binary mode: attributes in ce_* headers, the data as the JSON value. Personal data (ID numbers, phone numbers) never appears in events.",
    },
    defaultContentType: "application/json",
    servers: {
      local: { host: "127.0.0.1:19092", protocol: "kafka", description: "The broker infra/up.sh starts" },
    },
    channels,
    operations,
    components: { messages },
  };
}
