import { Counter } from "prom-client";
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

export const consumerWaitingForInfrastructure = new Counter({
  name: "events_infrastructure_waits_total",
  help: "Handler attempts that failed because the database or broker was away, and were tried again",
  labelNames: ["group"] as const,
  registers: [metricsRegistry],
});
