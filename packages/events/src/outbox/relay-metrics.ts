import { Counter, Gauge } from "prom-client";
import { metricsRegistry } from "@grassroots/kit";

export const outboxPending = new Gauge({
  name: "outbox_pending_events",
  help: "Events committed to the outbox and not yet acknowledged by Kafka",
  registers: [metricsRegistry],
});

export const outboxOldestPendingAge = new Gauge({
  name: "outbox_oldest_pending_age_seconds",
  help: "Age of the oldest unsent outbox event (the relay's lag)",
  registers: [metricsRegistry],
});

export const outboxPublished = new Counter({
  name: "outbox_published_total",
  help: "Events the relay published to Kafka",
  registers: [metricsRegistry],
});

export const outboxPublishFailures = new Counter({
  name: "outbox_publish_failures_total",
  help: "Failed attempts to publish a batch (retried with backoff)",
  registers: [metricsRegistry],
});
