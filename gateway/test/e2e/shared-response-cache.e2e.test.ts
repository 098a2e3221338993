import { randomUUID } from "node:crypto";
import { callGateway, startSuite, waitFor, type RunningSuite } from "@grassroots/testing";
import type Redis from "ioredis";
import { appointNewcomer, DALATE, importOrdosDivisions, SHULINZHAO, type Gql } from "../support/ordos-suite";
import { replicaToken, startGatewayReplica, type GatewayReplica } from "../support/redis/gateway-replica";
import {
  inspectRedis,
  keysUnder,
  SHARED_REDIS_URL,
  startPrivateRedis,
  type PrivateRedis,
} from "../support/redis/redis-server";

// Issue 16, gateways that scale out: two gateway processes (A, B) over one set of subgraphs and one
// real Redis (infra/redis.sh) share the response cache, so a caller's own write shows at once
// whichever replica answers. A third (C) on a Redis of its own shows what happens when that Redis is
// stopped or stalled. Subgraph requests are counted from each replica's own /metrics.

const CITY = "150600000000"; // 鄂尔多斯市
const STAFFING = `query ($code: String!) { orgUnitByCode(code: $code) { code
  children(first: 50) { edges { node { code staffing { compliant counts { active pending } } } } } } }`;

interface StaffingAnswer {
  orgUnitByCode: {
    children: { edges: { node: { code: string; staffing: { counts: { pending: number } } } }[] };
  };
}

let suite: RunningSuite;
let a: GatewayReplica;
let b: GatewayReplica;
let c: GatewayReplica;
let privateRedis: PrivateRedis;
let inspect: Redis;
let banner: string;
let people = 0;
const prefix = `grassroots:gateway:test-${randomUUID()}:`;

/** A staffing read through one replica: the town's pending count, whether it was a cached answer, how long it took. */
async function read(replica: GatewayReplica, token: string, code = DALATE) {
  const started = Date.now();
  const res = await callGateway<StaffingAnswer>(replica.url, STAFFING, { code }, token);
  const ms = Date.now() - started;
  expect(res.errors).toBeUndefined();
  const town = res.data!.orgUnitByCode.children.edges.find((e) => e.node.code === SHULINZHAO);
  return {
    pending: town?.node.staffing.counts.pending,
    cached: res.headers!.get("age") !== null,
    data: res.data,
    ms,
  };
}

/** Runs `fn` and returns what it gave and how many personnel requests each replica sent meanwhile. */
async function counting<T>(fn: () => Promise<T>): Promise<{ value: T; a: number; b: number; c: number }> {
  const before = await Promise.all([a, b, c].map((r) => r.subgraphCalls("personnel")));
  const value = await fn();
  const after = await Promise.all([a, b, c].map((r) => r.subgraphCalls("personnel")));
  return { value, a: after[0] - before[0], b: after[1] - before[1], c: after[2] - before[2] };
}

const answersStored = async () => (await keysUnder(inspect, `${prefix}answer:`)).length;

/** Reads through `replica` and waits until its answer is in Redis (the plugin stores in the background). */
async function readAndStore(replica: GatewayReplica, token: string, code = DALATE) {
  const before = await answersStored();
  const answer = await read(replica, token, code);
  await waitFor(async () => (await answersStored()) > before, "the answer to be stored in Redis");
  return answer;
}

const gqlThrough =
  (replica: () => GatewayReplica, token: () => string): Gql =>
  async (query, variables = {}, t = token()) => {
    const res = await callGateway(replica().url, query, variables, t);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

/** The banner bureau appoints a newcomer at 树林召镇 through a replica (PENDING_TRAINING: pending + 1). */
const appointThrough = (replica: GatewayReplica) =>
  appointNewcomer(
    gqlThrough(
      () => replica,
      () => banner,
    ),
    `共享缓存${++people}`,
    700 + people,
  );

beforeAll(async () => {
  suite = await startSuite(["organization", "personnel"]);
  importOrdosDivisions(suite);
  privateRedis = await startPrivateRedis();
  inspect = inspectRedis();
  const shared = { RESPONSE_CACHE_REDIS_URL: SHARED_REDIS_URL, RESPONSE_CACHE_REDIS_PREFIX: prefix };
  [a, b, c] = await Promise.all([
    startGatewayReplica(suite, shared),
    startGatewayReplica(suite, shared),
    startGatewayReplica(suite, {
      RESPONSE_CACHE_REDIS_URL: privateRedis.url,
      RESPONSE_CACHE_REDIS_PREFIX: prefix,
    }),
  ]);
  banner = await replicaToken("BANNER_ADMIN", DALATE);
  // Waits until personnel has learnt the tree from organization's events.
  await appointThrough(a);
}, 240000);

afterAll(async () => {
  await Promise.all([a, b, c].map((r) => r?.stop()));
  if (inspect) {
    const keys = await keysUnder(inspect, prefix);
    if (keys.length) await inspect.del(...keys);
    inspect.disconnect();
  }
  await privateRedis?.destroy();
  await suite?.stop();
});

describe("#16: two gateway replicas share the response cache in Redis", () => {
  it("#16: a caller reads through B (cached), writes through A, reads through B again and sees the write at once", async () => {
    const first = await counting(() => readAndStore(b, banner));
    const again = await counting(() => read(b, banner));
    expect(first.value.cached).toBe(false);
    expect(first.b).toBe(1);
    expect(again.value.cached).toBe(true);
    expect(again.b).toBe(0);
    expect(again.value.data).toEqual(first.value.data);

    const write = await counting(() => appointThrough(a));
    const own = await counting(() => readAndStore(b, banner));
    expect(own.value.cached).toBe(false);
    expect(own.value.pending).toBe(first.value.pending! + 1);
    expect(own.b).toBe(1);
    // A finds the answer B stored under the writer's new generation.
    const throughA = await counting(() => read(a, banner));
    expect(throughA.value.cached).toBe(true);
    expect(throughA.value.pending).toBe(first.value.pending! + 1);
    expect(throughA.a).toBe(0);

    process.stdout.write(
      [
        "#16 two replicas, one caller (BANNER_ADMIN 达拉特旗), personnel requests per step:",
        `  read  via B: fresh,  pending ${first.value.pending}, B→personnel ${first.b}`,
        `  read  via B: cached, pending ${again.value.pending}, B→personnel ${again.b}`,
        `  write via A: appoint a newcomer, A→personnel ${write.a}, B→personnel ${write.b}`,
        `  read  via B: fresh,  pending ${own.value.pending}, B→personnel ${own.b}`,
        `  read  via A: cached, pending ${throughA.value.pending}, A→personnel ${throughA.a}`,
        "",
      ].join("\n"),
    );
  });

  it("#16: another caller's cached read is served by B after A cached it (same roles and home unit)", async () => {
    const [one, two] = await Promise.all(
      ["city-1", "city-2"].map((sub) => replicaToken("CITY_ADMIN", CITY, sub)),
    );
    const first = await counting(() => readAndStore(a, one, CITY));
    expect(first.value.cached).toBe(false);
    expect(first.a).toBe(1);
    const other = await counting(() => read(b, two, CITY));
    expect(other.value.cached).toBe(true);
    expect(other.b).toBe(0);
    expect(other.value.data).toEqual(first.value.data);
  });

  it("#16: identities never share an answer across replicas: another role or another home unit asking the same gets its own", async () => {
    const cachedByA = await readAndStore(a, await replicaToken("CITY_ADMIN", CITY, "city-3"));
    expect(cachedByA.cached).toBe(false);
    // The same access through B: A's answer.
    expect((await read(b, await replicaToken("CITY_ADMIN", CITY, "city-4"))).cached).toBe(true);
    const others = await counting(async () => [
      await read(b, await replicaToken("INSPECTOR", DALATE)),
      await read(b, await replicaToken("BANNER_ADMIN", CITY)),
    ]);
    for (const answer of others.value) expect(answer.cached).toBe(false);
    expect(others.b).toBe(2);
  });

  it("#16: Redis stopped or stalled: answers stay right and prompt, uncached and counted, readiness stays green; cached again once it is back", async () => {
    const before = await readAndStorePrivate();
    const cachedRead = await read(c, banner);
    expect(cachedRead.cached).toBe(true);
    const skippedBefore = await c.counter("gateway_response_cache_store_failures_total");

    await privateRedis.stop();
    const stopped = await counting(async () => {
      const reads = [];
      for (let i = 0; i < 3; i++) reads.push(await read(c, banner));
      return reads;
    });
    for (const r of stopped.value) {
      expect(r.cached).toBe(false);
      expect(r.pending).toBe(before.pending);
    }
    expect(stopped.c).toBe(3);
    expect((await fetch(c.url.replace("/graphql", "/health/ready"))).status).toBe(200);
    // A write through C while Redis is down, then C's next read shows it.
    await appointThrough(c);
    const own = await read(c, banner);
    expect(own.cached).toBe(false);
    expect(own.pending).toBe(before.pending! + 1);
    expect(await c.counter("gateway_response_cache_store_failures_total")).toBeGreaterThan(skippedBefore);

    await privateRedis.start();
    await waitFor(async () => (await read(c, banner)).cached, "C to answer from its Redis again", 30000, 300);

    const gen = (reason: string) =>
      c.counter(
        "gateway_response_cache_store_failures_total",
        `operation="generation_read",reason="${reason}"`,
      );
    const [timedOut, skipped] = [await gen("failed"), await gen("unavailable")];
    privateRedis.pause();
    let stalled;
    try {
      stalled = await counting(async () => [await read(c, banner), await read(c, banner)]);
    } finally {
      privateRedis.resume();
    }
    for (const r of stalled.value) {
      expect(r.cached).toBe(false);
      expect(r.pending).toBe(before.pending! + 1);
    }
    expect(stalled.c).toBe(2);
    // The first read waited out the time bound; the second skipped the stalled Redis at once.
    expect((await gen("failed")) - timedOut).toBe(1);
    expect((await gen("unavailable")) - skipped).toBe(1);

    const ms = (rs: { ms: number }[]) => rs.map((r) => `${r.ms} ms`).join(", ");
    process.stdout.write(
      [
        `#16 replica C, Redis up: fresh read ${before.ms} ms, cached read ${cachedRead.ms} ms`,
        `  Redis stopped: 3 reads uncached and right in ${ms(stopped.value)}; C→personnel ${stopped.c}`,
        `  Redis stalled (SIGSTOP, 250 ms bound): 2 reads in ${ms(stalled.value)}; C→personnel ${stalled.c}`,
        "",
      ].join("\n"),
    );
  });
});

/** Reads through C and waits until the answer is in C's own Redis. */
async function readAndStorePrivate() {
  const own = inspectRedis(privateRedis.url);
  try {
    const count = async () => (await keysUnder(own, `${prefix}answer:`)).length;
    const stored = await count();
    const answer = await read(c, banner);
    await waitFor(async () => (await count()) > stored, "C's answer to be stored in its Redis");
    return answer;
  } finally {
    own.disconnect();
  }
}
