import { startSuite, type RunningSuite } from "@grassroots/testing";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { resolve } from "node:path";
import { DALATE, importOrdosDivisions } from "../support/ordos-suite";

// Issue 14, "overload": one token floods the real gateway (50 loops as fast as they can, ignoring
// Retry-After, as a runaway script would) while another caller sends a steady 4 queries a second.
// The flood is held to its rate and to its share of the concurrency cap (half of it, by default); the other caller is never
// refused and its p95 stays within a bound of its p95 without the flood.

const SETTINGS = {
  RATE_LIMIT_PER_SECOND: "5",
  RATE_LIMIT_BURST: "10",
  MAX_CONCURRENT_OPERATIONS: "4",
  MAX_CONCURRENT_PER_CALLER: "2",
  OPERATION_QUEUE_TIMEOUT_MS: "1000",
  OPERATION_QUEUE_PER_CALLER: "8",
};
const FLOOD_LOOPS = 50;
const FLOOD_SCRIPT = resolve(__dirname, "../support/overload/flood.mjs");
/** Rounds of (the other caller alone, then with the flood): alternating evens out a shared machine's drift. */
const ROUNDS = 4;
const PHASE_MS = 3_000;
const STEADY_INTERVAL_MS = 250;
/**
 * The other caller's p95 during the flood, at most this many times its p95 without it (or + this ms):
 * on this 2-core machine shared by several test runs, unprotected (both settings 0) the same flood
 * took it from 134 ms to 4,982 ms (×37); protected, ×5 to ×10 as the machine's load varied.
 */
const MAX_P95_RATIO = 10;
const MAX_P95_GROWTH_MS = 1500;

// Past the response cache, so every answer is organization's work.
const QUERY = `query Banner($code: String!) { orgUnitByCode(code: $code) { name children(first: 20) { edges { node { code name kind } } } } }`;

let suite: RunningSuite;
let flooder: string;
let steady: string;
const started = performance.now();

beforeAll(async () => {
  suite = await startSuite(["organization"], { gatewayEnv: SETTINGS });
  flooder = await suite.token("CITY_ADMIN", "150600000000", "flooding-script");
  steady = await suite.token("BANNER_ADMIN", DALATE, "banner-clerk");
  importOrdosDivisions(suite);
}, 180_000);
afterAll(async () => {
  await suite?.stop();
  console.error(`overload e2e: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

interface Answer {
  status: number;
  code?: string;
  retryAfter: string | null;
  ms: number;
}

async function ask(token: string): Promise<Answer> {
  const t0 = performance.now();
  const response = await fetch(suite.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "cache-control": "no-cache",
    },
    body: JSON.stringify({ query: QUERY, variables: { code: DALATE } }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code,
    retryAfter: response.headers.get("retry-after"),
    ms: performance.now() - t0,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The steady caller: one query every STEADY_INTERVAL_MS for `ms`. */
async function steadyCaller(ms: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const next = performance.now() + STEADY_INTERVAL_MS;
    answers.push(await ask(steady));
    await sleep(Math.max(0, next - performance.now()));
  }
  return answers;
}

interface FloodCounts {
  requests: number;
  accepted: number;
  RATE_LIMITED: number;
  OVERLOADED: number;
  other: number;
  without429RetryAfter: number;
  acceptedP50Ms: number | null;
}

/**
 * The flooding script in its own process (its loops must not slow the measured caller's client),
 * started once so that its start-up is not measured; `run(ms)` floods for that long.
 */
function startFlooder(): Promise<{ run(ms: number): Promise<FloodCounts>; stop(): void }> {
  const body = JSON.stringify({ query: QUERY, variables: { code: DALATE } });
  const child = spawn(
    process.execPath,
    [FLOOD_SCRIPT, suite.gatewayUrl, flooder, String(FLOOD_LOOPS), body],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error("the flooding script ended");
    return value as string;
  };
  return nextLine().then(() => ({
    run: async (ms: number) => {
      child.stdin!.write(`${ms}\n`);
      return JSON.parse(await nextLine()) as FloodCounts;
    },
    stop: () => child.kill(),
  }));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

it("#14 overload: a flood from one token is refused with 429 + Retry-After (RATE_LIMITED / OVERLOADED) while another caller is never refused and keeps its p95", async () => {
  // Warm up (query plan, connections), then the other caller alone.
  for (let i = 0; i < 5; i++) await ask(steady);
  const alone: Answer[] = [];
  const during: Answer[] = [];
  const floods: FloodCounts[] = [];
  const flood = await startFlooder();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      alone.push(...(await steadyCaller(PHASE_MS)));
      const [flood1, during1] = await Promise.all([flood.run(PHASE_MS), steadyCaller(PHASE_MS)]);
      floods.push(flood1);
      during.push(...during1);
    }
  } finally {
    flood.stop();
  }
  const floodSeconds = (ROUNDS * PHASE_MS) / 1000;

  const p95Alone = percentile(
    alone.map((a) => a.ms),
    95,
  );
  const p95During = percentile(
    during.map((a) => a.ms),
    95,
  );
  const count = (answers: Answer[], f: (a: Answer) => boolean) => answers.filter(f).length;
  const total = (key: keyof Omit<FloodCounts, "acceptedP50Ms">) => floods.reduce((sum, f) => sum + f[key], 0);
  const accepted = total("accepted");
  const rateLimited = total("RATE_LIMITED");
  const overloaded = total("OVERLOADED");
  const requests = total("requests");
  const ms = (answers: Answer[], p: number) =>
    percentile(
      answers.map((a) => a.ms),
      p,
    ).toFixed(1);
  const refusedOther = count(during, (a) => a.status !== 200 || !!a.code);
  console.error(
    [
      `overload e2e (${FLOOD_LOOPS} flooding loops in their own process, started once; ${ROUNDS} rounds of ${PHASE_MS / 1000} s alone, ${PHASE_MS / 1000} s flooded; settings ${JSON.stringify(SETTINGS)}):`,
      `  other caller alone:        ${alone.length} queries, p50 ${ms(alone, 50)} ms, p95 ${ms(alone, 95)} ms`,
      `  other caller during flood: ${during.length} queries, p50 ${ms(during, 50)} ms, p95 ${ms(during, 95)} ms, refused ${refusedOther}`,
      `  p95 ratio during/alone:    ${(p95During / p95Alone).toFixed(2)}`,
      `  flood: ${requests} requests (${(requests / floodSeconds).toFixed(0)}/s), accepted ${accepted} (${(accepted / floodSeconds).toFixed(1)}/s), ` +
        `refused ${rateLimited} RATE_LIMITED + ${overloaded} OVERLOADED; accepted p50 per round ${floods.map((f) => f.acceptedP50Ms?.toFixed(0)).join(", ")} ms`,
    ].join("\n"),
  );

  // The other caller: every query answered, none refused, its p95 within the bound.
  expect(during.every((a) => a.status === 200 && !a.code)).toBe(true);
  expect(alone.every((a) => a.status === 200 && !a.code)).toBe(true);
  expect(p95During).toBeLessThanOrEqual(Math.max(MAX_P95_RATIO * p95Alone, p95Alone + MAX_P95_GROWTH_MS));
  // The flood: held to about its rate (the burst, then 5 a second), every refusal a 429 with Retry-After.
  // Each round: the burst, then 5 a second (the bucket fills again while the other caller is alone).
  expect(accepted).toBeLessThanOrEqual(ROUNDS * (10 + 5 * (PHASE_MS / 1000)) * 1.1);
  expect(accepted).toBeGreaterThan(0);
  expect(total("other")).toBe(0);
  expect(total("without429RetryAfter")).toBe(0);
  expect(requests).toBe(accepted + rateLimited + overloaded);
  expect(rateLimited).toBeGreaterThan(0);
}, 120_000);
