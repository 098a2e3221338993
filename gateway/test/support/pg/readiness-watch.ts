// Polls every subgraph's /health/ready and records when each went red and green again.

export interface ReadinessTimeline {
  /** First time each service answered not ready (or not at all), epoch ms. */
  red: Record<string, number | undefined>;
  /** First time each answered ready after it had been red. */
  greenAgain: Record<string, number | undefined>;
  stop(): Promise<void>;
}

export function watchReadiness(subgraphUrls: Record<string, string>, intervalMs = 100): ReadinessTimeline {
  const red: Record<string, number | undefined> = {};
  const greenAgain: Record<string, number | undefined> = {};
  let running = true;
  const loops = Object.entries(subgraphUrls).map(async ([service, url]) => {
    const readyUrl = url.replace(/\/graphql$/, "/health/ready");
    while (running) {
      const ok = await fetch(readyUrl, { signal: AbortSignal.timeout(5000) })
        .then((r) => r.ok)
        .catch(() => false);
      // Both from when it answered: a poll asked a moment before the stop may answer red because of it
      // (CI saw red 1 ms before the stop when it counted from the asking).
      if (!ok) red[service] ??= Date.now();
      else if (red[service] !== undefined) greenAgain[service] ??= Date.now();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  });
  return {
    red,
    greenAgain,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
