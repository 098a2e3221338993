import { progress, seconds } from "./progress";
import type { Bench } from "./suite";

/** One consumer's drain over a generate run, from its inbox as sampled. */
export interface ConsumerDrain {
  service: string;
  /** Inbox rows at the end (events handled, or batches where a consumer records one row per batch). */
  handled: number;
  /** From its first handled event to its last change: the time it was busy. */
  busySeconds: number;
  perSecond: number;
  /** The best rate over any window of ~30 s. */
  peakPerSecond: number;
  /**
   * Seconds from the first sample until this service's org units (its projection; organization's own
   * table) first held as many units as organization holds at the end: the tree loaded and projected.
   * null when it never did, or the service keeps no org units.
   */
  treeProjectedSeconds: number | null;
}

interface Sample {
  at: number;
  handled: Record<string, number>;
  units: Record<string, number | null>;
}

/**
 * Samples every service's inbox every `everyMs` while the generate runs (one count per service), so
 * the report can say how fast each consumer drained what the seeds published.
 */
export function sampleDrain(bench: Bench, everyMs = 10_000): { stop(): Promise<ConsumerDrain[]> } {
  const samples: Sample[] = [];
  let stopped = false;
  const take = async () => {
    const handled: Record<string, number> = {};
    const units: Record<string, number | null> = {};
    for (const service of bench.services) {
      try {
        const { rows } = await (
          await bench.db(service)
        ).query(
          `SELECT (SELECT count(*)::int FROM inbox) AS n,
                  (SELECT CASE WHEN to_regclass('org_unit') IS NULL THEN NULL ELSE (SELECT count(*)::int FROM org_unit) END) AS units`,
        );
        handled[service] = rows[0].n;
        units[service] = rows[0].units;
      } catch {
        handled[service] = samples.at(-1)?.handled[service] ?? 0;
        units[service] = samples.at(-1)?.units[service] ?? null;
      }
    }
    samples.push({ at: Date.now(), handled, units });
  };
  const loop = (async () => {
    while (!stopped) {
      await take().catch((error) => progress(`drain sample failed: ${String(error)}`));
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await take();
      return bench.services.map((service) => drainOf(service, samples));
    },
  };
}

function drainOf(service: string, samples: Sample[]): ConsumerDrain {
  const n = (s: Sample) => s.handled[service] ?? 0;
  const last = samples.at(-1)!;
  const tree = last.units.organization ?? null;
  const projectedAt = tree ? samples.find((s) => (s.units[service] ?? -1) >= tree) : undefined;
  const first = samples.findIndex((s) => n(s) > 0);
  let lastChange = first;
  for (let i = first + 1; first >= 0 && i < samples.length; i++)
    if (n(samples[i]) !== n(samples[i - 1])) lastChange = i;
  // The busy span starts at the sample before the first handled one (when it may have begun).
  const from = first > 0 ? samples[first - 1] : samples[0];
  const busyMs = first < 0 ? 0 : samples[lastChange].at - from.at;
  let peak = 0;
  for (let i = 0, j = 0; i < samples.length; i++) {
    while (samples[i].at - samples[j].at > 30_000) j++;
    const span = samples[i].at - samples[j].at;
    if (span >= 15_000) peak = Math.max(peak, ((n(samples[i]) - n(samples[j])) / span) * 1000);
  }
  return {
    service,
    handled: n(last),
    busySeconds: seconds(busyMs),
    perSecond: busyMs > 0 ? Math.round((n(samples[lastChange]) / busyMs) * 10000) / 10 : 0,
    peakPerSecond: Math.round(peak * 10) / 10,
    treeProjectedSeconds: projectedAt ? seconds(projectedAt.at - samples[0].at) : null,
  };
}

export function drainMarkdown(drains: ConsumerDrain[]): string {
  return [
    "",
    "Consumers' drain (inbox rows and org units sampled every 10 s through the whole run; " +
      "tree projected: from the start until the service held every unit organization holds at the end):",
    "",
    "| consumer | handled | busy | rate over the busy span | best 30 s | tree projected |",
    "|---|---|---|---|---|---|",
    ...drains.map(
      (d) =>
        `| ${d.service} | ${d.handled} | ${d.busySeconds} s | ${d.perSecond}/s | ${d.peakPerSecond}/s | ${d.treeProjectedSeconds === null ? "–" : `${d.treeProjectedSeconds} s`} |`,
    ),
    "",
  ].join("\n");
}
