import { Client } from "pg";
import type { Caller, Endpoint } from "../driver/endpoint";
import { httpPost } from "../driver/endpoint";
import { OPERATIONS } from "../scenarios/definitions";
import { chinaDate } from "../scenarios/template";
import { Samples, round, type LatencySummary } from "../driver/stats";
import { progress } from "../generate/progress";
import type { Bench } from "../generate/suite";
import type { CpuResult, CpuSampler } from "./cpu";

/**
 * Event latency: organization's setRegisterCount sent at a fixed rate (open loop, straight to the
 * subgraph so the gateway's CPU does not muddy it), and for each RegisterCountSet event the time from
 * the command's transaction (outbox.time) to the consumer's inbox row (written in the same transaction
 * as its projection update: handled_at). Both clocks are PostgreSQL's.
 */

export interface ConsumerLatency {
  consumer: string;
  handled: number;
  missing: number;
  latencyMs: LatencySummary;
}

export interface EventLatencyResult {
  targetRatePerSecond: number;
  /** setRegisterCount mutations per HTTP request (aliases; each still its own command and transaction). */
  perRequest?: number;
  writer?: "mutation" | "sql";
  achievedRatePerSecond: number;
  seconds: number;
  mutationsSent: number;
  mutationErrors: number;
  mutationLatencyMs: LatencySummary;
  events: number;
  /** outbox.time → outbox.sent_at (the relay's part: wake-up, read, send with acks=all, mark). */
  relayLatencyMs?: LatencySummary;
  consumers: ConsumerLatency[];
  errorSamples: string[];
  /** CPU per process while sending and until the consumers caught up. */
  cpu?: CpuResult;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureEventLatency(
  bench: Bench,
  options: {
    rate: number;
    seconds: number;
    caller: Caller;
    maxInFlight?: number;
    cpu?: CpuSampler;
    /**
     * Mutations per request as aliases (default 1): past ~300/s one request per event costs the
     * two shared cores more than the events do; each alias is still its own command and transaction.
     */
    perRequest?: number;
    /**
     * "mutation" (default): the command through organization's API. "sql": the command's effect in
     * one statement per event from this process (the unit's new count and version and its
     * RegisterCountSet row with the NOTIFY, as the command commits them, without its history row or
     * the API): for rates the API cannot take on this machine; relay, broker and consumers as ever.
     */
    writer?: "mutation" | "sql";
  },
): Promise<EventLatencyResult> {
  const org = await bench.db("organization");
  const units = (
    await org.query<{ id: string; version: number }>(
      `SELECT id, version FROM org_unit WHERE depth >= 2 AND active ORDER BY code`,
    )
  ).rows;
  if (!units.length) throw new Error("no township- or village-level units to write to");
  const endpoint: Endpoint = bench.subgraph("organization");
  const versions = new Map(units.map((u) => [u.id, u.version]));
  const busy = new Set<string>();
  const [{ start }] = (await org.query<{ start: Date }>(`SELECT clock_timestamp() AS start`)).rows;
  const asOf = chinaDate(new Date());
  const latency = new Samples();
  const errorSamples: string[] = [];
  let sent = 0;
  let errors = 0;
  let inFlight = 0;
  let next = 0;
  const maxInFlight = options.maxInFlight ?? 64;
  const perRequest = Math.max(1, Math.min(30, options.perRequest ?? 1));
  const total = Math.round(options.rate * options.seconds);
  const headers = await endpoint.headersFor(options.caller);
  await options.cpu?.begin();
  const began = Date.now();
  progress(
    `event latency: ${total} setRegisterCount at ${options.rate}/s straight to organization${perRequest > 1 ? ` (${perRequest} per request)` : ""}`,
  );
  /** The next unit nobody is writing (each unit's version is tracked from the responses). */
  const freeUnit = () => {
    let unit = units[next++ % units.length];
    for (let tries = 0; busy.has(unit.id) && tries < units.length; tries++)
      unit = units[next++ % units.length];
    busy.add(unit.id);
    return unit;
  };
  const writers = options.writer === "sql" ? await sqlWriters(bench, 16) : [];
  const sendSql = async () => {
    const unit = freeUnit();
    const writer = writers.find((w) => !w.busy) ?? writers[next % writers.length];
    writer.busy = true;
    inFlight++;
    const t0 = performance.now();
    try {
      await writer.client.query(REGISTER_COUNT_SQL, [unit.id, 300 + ((sent * 37) % 2300), asOf]);
      latency.add(performance.now() - t0);
    } catch (error) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(String(error).slice(0, 200));
    } finally {
      writer.busy = false;
      busy.delete(unit.id);
      inFlight--;
    }
  };
  const sendSome = async (count: number) => {
    if (writers.length) return sendSql();
    const batch = Array.from({ length: count }, freeUnit);
    inFlight++;
    const t0 = performance.now();
    try {
      const res = await httpPost(
        endpoint.url,
        headers,
        setRegisterCountBody(
          batch.map((unit, i) => ({
            id: unit.id,
            expectedVersion: versions.get(unit.id)!,
            count: 300 + (((sent - i) * 37) % 2300),
          })),
          asOf,
        ),
      );
      latency.add(performance.now() - t0);
      const data = res.data as Record<string, { version: number } | null> | undefined;
      const answer = (i: number) => data?.[batch.length === 1 ? "setRegisterCount" : `m${i}`];
      if (res.status !== 200 || res.errors?.length) {
        errors += batch.filter((_, i) => !answer(i)).length;
        if (errorSamples.length < 5)
          errorSamples.push(`${res.status} ${res.errors?.[0]?.message ?? ""}`.slice(0, 200));
      }
      for (const [i, unit] of batch.entries()) {
        const done = answer(i);
        if (done) versions.set(unit.id, done.version);
        else {
          const [row] = (await org.query(`SELECT version FROM org_unit WHERE id = $1`, [unit.id])).rows;
          versions.set(unit.id, row.version);
        }
      }
    } catch (error) {
      errors += count;
      if (errorSamples.length < 5) errorSamples.push(String(error).slice(0, 200));
    } finally {
      for (const unit of batch) busy.delete(unit.id);
      inFlight--;
    }
  };
  const pending: Promise<void>[] = [];
  while (sent < total && Date.now() - began < options.seconds * 1000 + 5000) {
    const due = Math.min(total, Math.floor(((Date.now() - began) / 1000) * options.rate));
    while (sent < due && inFlight < maxInFlight) {
      const count = writers.length ? 1 : Math.min(perRequest, total - sent);
      sent += count;
      pending.push(sendSome(count));
    }
    await sleep(2);
  }
  await Promise.all(pending);
  const elapsed = (Date.now() - began) / 1000;
  for (const w of writers) await w.client.end().catch(() => undefined);
  const [{ stop }] = (await org.query<{ stop: Date }>(`SELECT clock_timestamp() AS stop`)).rows;

  const published = (
    await org.query<{ id: string; time: Date; sent_at: Date | null }>(
      `SELECT id::text, time, sent_at FROM outbox WHERE type = 'grassroots.organization.org-unit.register-count-set.v1' AND time >= $1 AND time <= $2`,
      [start, stop],
    )
  ).rows;
  const commitTime = new Map(published.map((r) => [r.id, r.time.getTime()]));
  // Read after the consumers caught up, when every row has long been sent.
  const relayLatency = async () => {
    const rows = (
      await org.query<{ time: Date; sent_at: Date | null }>(
        `SELECT time, sent_at FROM outbox WHERE id = ANY($1::uuid[])`,
        [[...commitTime.keys()]],
      )
    ).rows;
    const samples = new Samples();
    for (const r of rows) if (r.sent_at) samples.add(r.sent_at.getTime() - r.time.getTime());
    return samples.summary();
  };
  const consumers: ConsumerLatency[] = [];
  for (const service of bench.services.filter((s) => s !== "organization")) {
    const db = await bench.db(service);
    const ids = [...commitTime.keys()];
    let handled: { event_id: string; handled_at: Date }[] = [];
    const deadline = Date.now() + 60_000;
    do {
      handled = (await db.query(`SELECT event_id, handled_at FROM inbox WHERE event_id = ANY($1)`, [ids]))
        .rows;
      if (handled.length >= ids.length) break;
      await sleep(500);
    } while (Date.now() < deadline);
    const samples = new Samples();
    for (const h of handled) samples.add(h.handled_at.getTime() - commitTime.get(h.event_id)!);
    consumers.push({
      consumer: service,
      handled: handled.length,
      missing: ids.length - handled.length,
      latencyMs: samples.summary(),
    });
  }
  const cpu = await options.cpu?.end();
  const relayLatencyMs = await relayLatency();
  return {
    targetRatePerSecond: options.rate,
    perRequest,
    writer: options.writer ?? "mutation",
    achievedRatePerSecond: round(published.length / elapsed, 1),
    seconds: round(elapsed, 1),
    mutationsSent: sent,
    mutationErrors: errors,
    mutationLatencyMs: latency.summary(),
    events: published.length,
    relayLatencyMs,
    consumers,
    errorSamples,
    cpu,
  };
}

export interface RelayRateResult {
  events: number;
  /** Rows sent per second from the moment the relay could publish until the last row was marked sent. */
  relayPerSecond: number;
  relaySeconds: number;
  /** The organization process's CPU over the drain per event sent: the relay's own cost (it runs there). */
  relayCpuMsPerEvent?: number;
  /** The same backlog handled by each consumer (inbox rows per second over the drain). */
  consumers: { consumer: string; handled: number; perSecond: number; seconds: number }[];
  method: string;
}

/**
 * The outbox relay's maximum sustained rate: a backlog of RegisterCountSet events is built while the
 * relay is held off (this session holds the relay's advisory lock after ending its connection, so it
 * idles as a standby replica would), then released; the drain rate is rows / time to mark them sent.
 */
export async function measureRelayRate(
  bench: Bench,
  options: { events: number; caller: Caller; concurrency?: number; cpu?: CpuSampler },
): Promise<RelayRateResult> {
  const url = bench.suite.databases.organization.url;
  const holder = new Client({ connectionString: url, application_name: "load-tests-relay-holder" });
  await holder.connect();
  const lockKey = "outbox-relay:organization";
  let locked = false;
  for (let i = 0; i < 50 && !locked; i++) {
    await holder.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'outbox-relay'`,
    );
    locked = (await holder.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [lockKey])).rows[0]
      .locked;
    if (!locked) await sleep(20);
  }
  if (!locked) {
    await holder.end();
    throw new Error("could not take the relay's advisory lock");
  }
  const org = await bench.db("organization");
  try {
    const [{ seq }] = (await org.query(`SELECT coalesce(max(seq), 0)::bigint AS seq FROM outbox`)).rows;
    progress(`relay rate: relay held off; building a backlog of ${options.events} events`);
    const units = (
      await org.query<{ id: string; version: number }>(
        `SELECT id, version FROM org_unit WHERE depth >= 2 AND active ORDER BY code`,
      )
    ).rows;
    const endpoint = bench.subgraph("organization");
    const asOf = chinaDate(new Date());
    const headers = await endpoint.headersFor(options.caller);
    let made = 0;
    let index = 0;
    let attempts = 0;
    const worker = async () => {
      while (made < options.events && attempts++ < options.events * 2) {
        const unit = units[index++ % units.length];
        made++;
        const res = await httpPost(
          endpoint.url,
          headers,
          setRegisterCountBody(
            [{ id: unit.id, expectedVersion: unit.version, count: 300 + (made % 2000) }],
            asOf,
          ),
        );
        const data = res.data as { setRegisterCount?: { version: number } } | undefined;
        if (data?.setRegisterCount) unit.version = data.setRegisterCount.version;
        else made--;
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, units.length) }, worker));
    const [{ n }] = (
      await org.query(`SELECT count(*)::int AS n FROM outbox WHERE seq > $1 AND sent_at IS NULL`, [seq])
    ).rows;
    progress(`relay rate: ${n} events waiting; releasing the relay`);
    const [{ released }] = (await org.query<{ released: Date }>(`SELECT clock_timestamp() AS released`)).rows;
    await options.cpu?.begin();
    await holder.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lockKey]);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [{ left }] = (
        await org.query(`SELECT count(*)::int AS left FROM outbox WHERE seq > $1 AND sent_at IS NULL`, [seq])
      ).rows;
      if (left === 0 || Date.now() > deadline) break;
      await sleep(100);
    }
    const drainCpu = await options.cpu?.end();
    const [row] = (
      await org.query(
        `SELECT count(*)::int AS events, EXTRACT(EPOCH FROM max(sent_at) - $2::timestamptz)::float AS seconds FROM outbox WHERE seq > $1 AND sent_at IS NOT NULL`,
        [seq, released],
      )
    ).rows;
    const ids = (await org.query(`SELECT id::text FROM outbox WHERE seq > $1`, [seq])).rows.map(
      (r: { id: string }) => r.id,
    );
    const consumers: RelayRateResult["consumers"] = [];
    for (const service of bench.services.filter((s) => s !== "organization")) {
      const db = await bench.db(service);
      const until = Date.now() + 120_000;
      let got: { handled: number; seconds: number } = { handled: 0, seconds: 0 };
      while (Date.now() < until) {
        const [r] = (
          await db.query(
            `SELECT count(*)::int AS handled, EXTRACT(EPOCH FROM max(handled_at) - $2::timestamptz)::float AS seconds FROM inbox WHERE event_id = ANY($1)`,
            [ids, released],
          )
        ).rows;
        got = { handled: r.handled, seconds: r.seconds ?? 0 };
        if (r.handled >= ids.length) break;
        await sleep(500);
      }
      consumers.push({
        consumer: service,
        handled: got.handled,
        seconds: round(got.seconds, 2),
        perSecond: got.seconds > 0 ? Math.round(got.handled / got.seconds) : 0,
      });
    }
    return {
      events: row.events,
      relaySeconds: round(row.seconds, 2),
      relayPerSecond: row.seconds > 0 ? Math.round(row.events / row.seconds) : 0,
      relayCpuMsPerEvent:
        drainCpu?.cpuMs.organization !== undefined && row.events
          ? round(drainCpu.cpuMs.organization / row.events, 3)
          : undefined,
      consumers,
      method:
        "backlog built while this benchmark held the relay's advisory lock (relay connection ended, so it idled as a standby); " +
        "rate = events / (last sent_at − release)",
    };
  } finally {
    await holder.end().catch(() => undefined);
  }
}

/**
 * setRegisterCount's effect in one statement: the unit's count, date and version, and its
 * RegisterCountSet outbox row (the contract's fields, built from the updated row) with the relay's
 * NOTIFY, committed together as the command commits them.
 */
const REGISTER_COUNT_SQL = `
WITH old AS (SELECT register_count FROM org_unit WHERE id = $1),
u AS (
  UPDATE org_unit SET register_count = $2, register_as_of = $3::date, version = version + 1, updated_at = now()
   WHERE id = $1 RETURNING *),
written AS (
  INSERT INTO outbox (id, topic, key, type, source, subject, data)
  SELECT gen_random_uuid(), 'grassroots.organization.org-unit.v1', u.id::text,
         'grassroots.organization.org-unit.register-count-set.v1', '/grassroots/organization', u.id::text,
         jsonb_build_object('id', u.id, 'code', u.code, 'name', u.name, 'kind', u.kind, 'parentId', u.parent_id,
           'path', u.path, 'postEstablished', u.post_established, 'registerCount', u.register_count,
           'registerAsOf', to_char(u.register_as_of, 'YYYY-MM-DD'), 'active', u.active, 'isSample', u.is_sample,
           'version', u.version, 'previousCount', (SELECT register_count FROM old))
    FROM u RETURNING seq)
SELECT pg_notify('grassroots_outbox', '') FROM written`;

/** Connections to organization's database for the "sql" writer, each with one statement at a time. */
async function sqlWriters(bench: Bench, count: number): Promise<{ client: Client; busy: boolean }[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const client = new Client({
        connectionString: bench.suite.databases.organization.url,
        application_name: "load-tests-writer",
      });
      await client.connect();
      return { client, busy: false };
    }),
  );
}

/** The body of one request of SetRegisterCount mutations, aliased m0, m1, … (the event both measurements make organization publish). */
function setRegisterCountBody(
  inputs: { id: string; expectedVersion: number; count: number }[],
  asOf: string,
): string {
  if (inputs.length === 1) {
    return JSON.stringify({
      query: OPERATIONS.SetRegisterCount.document,
      operationName: "SetRegisterCount",
      variables: { input: { ...inputs[0], asOf } },
    });
  }
  // GraphQL runs a mutation's root fields one after another: one command (and transaction) each.
  const params = inputs.map((_, i) => `$i${i}: SetRegisterCountInput!`).join(", ");
  const fields = inputs.map((_, i) => `m${i}: setRegisterCount(input: $i${i}) { version }`).join(" ");
  return JSON.stringify({
    query: `mutation SetRegisterCounts(${params}) { ${fields} }`,
    operationName: "SetRegisterCounts",
    variables: Object.fromEntries(inputs.map((input, i) => [`i${i}`, { ...input, asOf }])),
  });
}
