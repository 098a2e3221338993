import { testEnv } from "@grassroots/testing";
/**
 * Resident memory of the gateway and each subgraph, from their own /metrics (prom-client's
 * process_resident_memory_bytes), sampled through the run: the peak and the value at the end.
 */
export interface RssResult {
  service: string;
  endMb: number | null;
  peakMb: number | null;
}

const metricsUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, "/metrics");

async function rssBytes(url: string): Promise<number | null> {
  try {
    // /metrics needs the internal secret (it is for monitoring, not for clients).
    const res = await fetch(url, { headers: { authorization: `Bearer ${testEnv.internalSecret}` } });
    const text = await res.text();
    const line = text.split("\n").find((l) => l.startsWith("process_resident_memory_bytes"));
    return line ? Number(line.split(/\s+/)[1]) : null;
  } catch {
    return null;
  }
}

const mb = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / 1024 / 1024) * 10) / 10);

export class RssSampler {
  private peak = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  constructor(private readonly targets: Record<string, string>) {}

  static forSuite(gatewayUrl: string, subgraphUrls: Record<string, string>): RssSampler {
    return new RssSampler({
      gateway: metricsUrl(gatewayUrl),
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([n, u]) => [n, metricsUrl(u)])),
    });
  }

  private async sample(): Promise<Record<string, number | null>> {
    const now: Record<string, number | null> = {};
    for (const [service, url] of Object.entries(this.targets)) {
      const bytes = await rssBytes(url);
      now[service] = bytes;
      if (bytes !== null) this.peak.set(service, Math.max(bytes, this.peak.get(service) ?? 0));
    }
    return now;
  }

  start(everyMs = 2000): void {
    const tick = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.sample().finally(tick), everyMs);
      this.timer.unref();
    };
    tick();
  }

  async finish(): Promise<RssResult[]> {
    this.stopped = true;
    clearTimeout(this.timer);
    const end = await this.sample();
    return Object.keys(this.targets).map((service) => ({
      service,
      endMb: mb(end[service]),
      peakMb: mb(this.peak.get(service) ?? null),
    }));
  }
}
