// A runaway client in its own process (so its loops do not slow the measured caller's client), started
// once and told when to flood: each stdin line `<ms>` runs `loops` concurrent loops posting one request
// after another for that long, ignoring Retry-After, then prints one JSON line of counts.
// Usage: node flood.mjs <url> <token> <loops> <body-json>
import { createInterface } from "node:readline";

const [url, token, loops, body] = process.argv.slice(2);

async function flood(ms) {
  const end = performance.now() + ms;
  const counts = {
    requests: 0,
    accepted: 0,
    RATE_LIMITED: 0,
    OVERLOADED: 0,
    other: 0,
    without429RetryAfter: 0,
  };
  const acceptedMs = [];
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          "cache-control": "no-cache",
        },
        body,
      });
      const answer = await response.json();
      counts.requests++;
      const code = answer.errors?.[0]?.extensions?.code;
      if (response.status === 200 && !code) {
        counts.accepted++;
        acceptedMs.push(performance.now() - t0);
      } else if (code === "RATE_LIMITED" || code === "OVERLOADED") {
        counts[code]++;
        if (response.status !== 429 || !(Number(response.headers.get("retry-after")) >= 1))
          counts.without429RetryAfter++;
      } else counts.other++;
    }
  };
  await Promise.all(Array.from({ length: Number(loops) }, loop));
  acceptedMs.sort((a, b) => a - b);
  counts.acceptedP50Ms = acceptedMs[Math.floor(acceptedMs.length / 2)] ?? null;
  return counts;
}

process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  process.stdout.write(`${JSON.stringify(await flood(Number(line)))}\n`);
}
