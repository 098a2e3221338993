import { loadGatewayConfig, PRODUCTION_OVERLOAD_DEFAULTS } from "../src/config";
import { FairSlots, NoSlot, type Release } from "../src/overload/fair-slots";
import { TokenBuckets } from "../src/overload/token-buckets";
import { INTERNAL_SECRET, JWT_SECRET, startTestStack, type TestStack } from "./support/test-stack";

// Issue 14, "overload": per-caller rate limits and a concurrency cap at the gateway, with a clear
// code and Retry-After (the flood of one token against another caller: test/e2e/overload.e2e.test.ts).

describe("#14 overload settings", () => {
  const base = { INTERNAL_SECRET, JWT_SECRET };

  it("are on in production with generous defaults, off elsewhere (the suites and load tests send many thousands of calls from one token), and settable", () => {
    const production = loadGatewayConfig({
      ...base,
      NODE_ENV: "production",
      JWT_MODE: "jwks",
      JWKS_URL: "https://idp.example/jwks",
    });
    expect(production).toMatchObject({ ...PRODUCTION_OVERLOAD_DEFAULTS, MAX_CONCURRENT_PER_CALLER: 50 });
    expect(PRODUCTION_OVERLOAD_DEFAULTS).toEqual({
      RATE_LIMIT_PER_SECOND: 20,
      RATE_LIMIT_BURST: 60,
      MAX_CONCURRENT_OPERATIONS: 100,
    });
    expect(loadGatewayConfig({ ...base, NODE_ENV: "test" })).toMatchObject({
      RATE_LIMIT_PER_SECOND: 0,
      MAX_CONCURRENT_OPERATIONS: 0,
      OPERATION_QUEUE_TIMEOUT_MS: 1000,
      OPERATION_QUEUE_PER_CALLER: 20,
    });
    expect(loadGatewayConfig({ ...base, RATE_LIMIT_PER_SECOND: "5" })).toMatchObject({
      RATE_LIMIT_PER_SECOND: 5,
      RATE_LIMIT_BURST: 15,
    });
    const off = loadGatewayConfig({
      ...base,
      NODE_ENV: "production",
      JWT_MODE: "jwks",
      JWKS_URL: "https://idp.example/jwks",
      RATE_LIMIT_PER_SECOND: "0",
      MAX_CONCURRENT_OPERATIONS: "0",
    });
    expect(off).toMatchObject({ RATE_LIMIT_PER_SECOND: 0, MAX_CONCURRENT_OPERATIONS: 0 });
    expect(() => loadGatewayConfig({ ...base, RATE_LIMIT_BURST: "0" })).toThrow(/RATE_LIMIT_BURST/);
    expect(() => loadGatewayConfig({ ...base, MAX_CONCURRENT_OPERATIONS: "-1" })).toThrow(
      /MAX_CONCURRENT_OPERATIONS/,
    );
  });
});

describe("#14 the token bucket per caller", () => {
  it("lets a burst through, then the rate, and says how long until the next token", () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 3, () => now);
    expect([1, 2, 3].map(() => buckets.take("a"))).toEqual([0, 0, 0]);
    expect(buckets.take("a")).toBeCloseTo(0.5);
    expect(buckets.take("b")).toBe(0); // another caller has its own bucket
    now = 499;
    expect(buckets.take("a")).toBeGreaterThan(0);
    now = 1000; // 1 s after the burst: 2 tokens back
    expect([buckets.take("a"), buckets.take("a"), buckets.take("a") > 0]).toEqual([0, 0, true]);
    now = 10_000; // refilled, but never past the burst
    expect([1, 2, 3].map(() => buckets.take("a"))).toEqual([0, 0, 0]);
    expect(buckets.take("a")).toBeGreaterThan(0);
  });
});

describe("#14 the concurrency cap, fair per caller", () => {
  it("a freed slot goes to the callers in turn: one caller's queue of five does not hold back another's one", async () => {
    const slots = new FairSlots(1, 5_000, 10);
    const granted: { label: string; release: Release }[] = [];
    const run = (caller: string, label: string) =>
      slots.acquire(caller).then((release) => granted.push({ label, release }));
    const all = [run("flood", "flood-0"), ...[1, 2, 3, 4, 5].map((i) => run("flood", `flood-${i}`))];
    await new Promise((r) => setImmediate(r));
    all.push(run("other", "other-0"));
    // Each finished operation frees the one slot for the next turn.
    for (let done = 0; done < 7; done++) {
      await new Promise((r) => setImmediate(r));
      expect(slots.active).toBe(1);
      granted[done].release();
    }
    await Promise.all(all);
    expect(granted.map((g) => g.label)).toEqual([
      "flood-0",
      "flood-1",
      "other-0",
      "flood-2",
      "flood-3",
      "flood-4",
      "flood-5",
    ]);
    expect(slots.active).toBe(0);
  });

  it("one caller holds at most its share of the slots: the others start at once while its flood waits", async () => {
    const slots = new FairSlots(4, 5_000, 10, 2);
    const flood = [1, 2, 3, 4, 5].map(() => slots.acquire("flood"));
    await new Promise((r) => setImmediate(r));
    expect(slots.active).toBe(2);
    const others = await Promise.all([slots.acquire("a"), slots.acquire("b")]);
    expect(slots.active).toBe(4);
    others.forEach((release) => release());
    // Freed slots do not go to the flood past its share.
    await new Promise((r) => setImmediate(r));
    expect(slots.active).toBe(2);
    (await flood[0])();
    await new Promise((r) => setImmediate(r));
    expect(slots.active).toBe(2); // its third started as its first ended
    for (const p of flood.slice(1)) (await p)();
    expect(slots.active).toBe(0);
  });

  it("an operation waits no longer than the timeout, and a caller may have only so many waiting", async () => {
    const slots = new FairSlots(1, 50, 2);
    const held = await slots.acquire("a");
    const waiting = [slots.acquire("a"), slots.acquire("a")];
    await expect(slots.acquire("a")).rejects.toThrow(NoSlot); // a third waiting one: at once
    await expect(waiting[0]).rejects.toThrow(/no slot came free within 50 ms/);
    await expect(waiting[1]).rejects.toThrow(NoSlot);
    held();
    const next = await slots.acquire("b");
    expect(slots.active).toBe(1);
    next();
    next(); // releasing twice frees one slot only
    expect(slots.active).toBe(0);
  });
});

describe("#14 the gateway refuses a caller past its rate", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // One token every 10 s: the bucket cannot refill while a test runs.
    stack = await startTestStack({ RATE_LIMIT_PER_SECOND: "0.1", RATE_LIMIT_BURST: "3" });
  });
  afterAll(() => stack?.stop());

  const UNITS = "query Units { units(first: 1) { id } }";

  it("with HTTP 429, Retry-After in seconds and RATE_LIMITED, before any subgraph is called; another caller still answers; the refusals are counted", async () => {
    const flooder = await stack.token({ sub: "flooder" });
    const answered = await Promise.all([1, 2, 3].map(() => stack.post(UNITS, { token: flooder })));
    expect(answered.map((r) => r.status)).toEqual([200, 200, 200]);
    const calls = stack.subgraph.calls;
    const refused = await stack.post(UNITS, { token: flooder });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 10 });
    expect(refused.body.errors![0].message).toBe(
      "Too many requests from your account: this service takes 0.1 a second from one account (3 at once). " +
        "Nothing was done; wait 10 s and try again.",
    );
    expect(stack.subgraph.calls).toBe(calls);

    const other = await stack.post(UNITS, { token: await stack.token({ sub: "someone-else" }) });
    expect(other.status).toBe(200);

    const metrics = await fetch(`${stack.base}/metrics`, {
      headers: { authorization: `Bearer ${INTERNAL_SECRET}` },
    });
    expect(await metrics.text()).toMatch(/gateway_refused_operations_total\{reason="rate_limited"\} [1-9]/);
  });

  it("requests without a valid token are limited per IP (401 until the address's bucket is empty, then 429)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await stack.post(UNITS, { token: "not-a-token" })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

describe("#14 the gateway's concurrency cap", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      MAX_CONCURRENT_OPERATIONS: "2",
      MAX_CONCURRENT_PER_CALLER: "2",
      OPERATION_QUEUE_TIMEOUT_MS: "3000",
      OPERATION_QUEUE_PER_CALLER: "3",
    });
  });
  afterAll(() => stack?.stop());

  const slow = (ms: number) => `query Slow { slow(ms: ${ms}) }`;

  it("queues briefly and in turns: a second caller waits about one operation behind a flood of slow ones, and the flood past its queue is refused OVERLOADED with Retry-After", async () => {
    const flooder = await stack.token({ sub: "flooder" });
    const other = await stack.token({ sub: "other" });
    const started = performance.now();
    const timed = (token: string, ms: number) =>
      stack.post(slow(ms), { token }).then((res) => ({ res, at: performance.now() - started }));
    // Distinct texts: identical queries at one moment would share one answer (the response cache).
    const flood = [1, 2, 3, 4, 5].map((i) => timed(flooder, 600 + i)); // 2 run, 3 wait
    await new Promise((r) => setTimeout(r, 100));
    const overflow = await stack.post(slow(600), { token: flooder }); // a fourth waiting: refused at once
    expect(overflow.status).toBe(429);
    expect(overflow.headers.get("retry-after")).toBe("1");
    expect(overflow.body.errors![0].extensions?.code).toBe("OVERLOADED");
    expect(overflow.body.errors![0].message).toMatch(
      /busy with many requests right now\. Nothing was done; wait 1 s/,
    );

    const second = await timed(other, 10);
    const floods = await Promise.all(flood);
    expect(second.res.status).toBe(200);
    expect(floods.map((f) => f.res.status)).toEqual([200, 200, 200, 200, 200]);
    // It got the second slot freed (~600 ms), not the one after the flood's queue (~1,800 ms).
    const lastFlood = Math.max(...floods.map((f) => f.at));
    expect(lastFlood).toBeGreaterThan(1700);
    expect(second.at).toBeLessThan(lastFlood - 600);
  });
});
