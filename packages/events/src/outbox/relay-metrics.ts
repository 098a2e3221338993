import { Counter, Gauge } from "prom-client";
import { metricsRegistry } from "@grassroots/kit";

/** The outbox's last measured state: how many unsent rows, the oldest one's age, and when it was read. */
let lastLag: { pending: number; ageSeconds: number; at: number } | undefined;

/**
 * Records a measurement of the outbox table (the lag watcher's, or the relay's before a batch). Between
 * measurements, and while the database cannot be read, the oldest unsent row keeps ageing: nothing can
 * send it without the database.
 */
export function recordOutboxLag(pending: number, ageSeconds: number): void {
  lastLag = { pending, ageSeconds, at: Date.now() };
}

export const outboxPending = new Gauge({
  name: "outbox_pending_events",
  help: "Events committed to the outbox and not yet acknowledged by Kafka",
  registers: [metricsRegistry],
  collect() {
    if (lastLag) this.set(lastLag.pending);
  },
});

export const outboxOldestPendingAge = new Gauge({
  name: "outbox_oldest_pending_age_seconds",
  help: "Age of the oldest unsent outbox event (the relay's lag), from the outbox table",
  registers: [metricsRegistry],
  collect() {
    if (!lastLag) return;
    const { pending, ageSeconds, at } = lastLag;
    this.set(pending > 0 ? ageSeconds + (Date.now() - at) / 1000 : 0);
  },
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
