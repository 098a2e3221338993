import { Counter, Gauge } from "prom-client";
import { metricsRegistry } from "@grassroots/kit";

export const consumerHandled = new Counter({
  name: "events_consumed_total",
  help: "Events handled by consumers, by outcome (handled or duplicate)",
  labelNames: ["group", "type", "outcome"] as const,
  registers: [metricsRegistry],
});

export const consumerRetries = new Counter({
  name: "events_handler_retries_total",
  help: "Handler attempts that failed and were retried",
  labelNames: ["group", "type"] as const,
  registers: [metricsRegistry],
});

export const consumerDeadLettered = new Counter({
  name: "events_dead_lettered_total",
  help: "Events sent to a dead-letter topic",
  labelNames: ["group"] as const,
  registers: [metricsRegistry],
});

export const consumerIdReused = new Counter({
  name: "events_id_reused_total",
  help: "Events whose id was handled before with other data (dropped, as a redelivery would be)",
  labelNames: ["group", "type"] as const,
  registers: [metricsRegistry],
});

export const consumerBatchFallbacks = new Counter({
  name: "events_batch_fallbacks_total",
  help: "Chunks of events whose transaction failed for a handler's reason and were handled one by one",
  labelNames: ["group"] as const,
  registers: [metricsRegistry],
});

export const consumerWaitingForInfrastructure = new Counter({
  name: "events_infrastructure_waits_total",
  help: "Handler attempts that failed because the database or broker was away, and were tried again",
  labelNames: ["group"] as const,
  registers: [metricsRegistry],
});

/** Per partition: the partition's end (high watermark) minus the group's committed offset. */
export const consumerLag = new Gauge({
  name: "events_consumer_lag_messages",
  help: "Messages of a partition the consumer group has not committed yet (high watermark - committed offset)",
  labelNames: ["group", "topic", "partition"] as const,
  registers: [metricsRegistry],
});

/** Copies a dead-letter topic retains (its end minus its start): kept until the topic's retention. */
export const deadLetterTopicMessages = new Gauge({
  name: "events_dlq_messages",
  help: "Messages on a dead-letter topic (high - low watermark, all groups; replayed ones stay until retention)",
  labelNames: ["topic"] as const,
  registers: [metricsRegistry],
});
