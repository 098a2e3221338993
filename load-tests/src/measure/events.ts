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
  achievedRatePerSecond: number;
  seconds: number;
  mutationsSent: number;
  mutationErrors: number;
  mutationLatencyMs: LatencySummary;
  events: number;
  consumers: ConsumerLatency[];
  errorSamples: string[];
  /** CPU per process while sending and until the consumers caught up. */
  cpu?: CpuResult;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureEventLatency(
  bench: Bench,
  options: { rate: number; seconds: number; caller: Caller; maxInFlight?: number; cpu?: CpuSampler },
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
  const total = Math.round(options.rate * options.seconds);
  const headers = await endpoint.headersFor(options.caller);
  await options.cpu?.begin();
  const began = Date.now();
  progress(`event latency: ${total} setRegisterCount at ${options.rate}/s straight to organization`);
  const sendOne = async () => {
    // The next unit nobody is writing (each unit's version is tracked from the responses).
    let unit = units[next++ % units.length];
    for (let tries = 0; busy.has(unit.id) && tries < units.length; tries++)
      unit = units[next++ % units.length];
    busy.add(unit.id);
    inFlight++;
    const t0 = performance.now();
    try {
      const res = await httpPost(
        endpoint.url,
        headers,
        setRegisterCountBody(unit.id, versions.get(unit.id)!, 300 + ((sent * 37) % 2300), asOf),
      );
      latency.add(performance.now() - t0);
      const data = res.data as { setRegisterCount?: { version: number } } | undefined;
      if (res.status !== 200 || res.errors?.length || !data?.setRegisterCount) {
        errors++;
        if (errorSamples.length < 5)
          errorSamples.push(`${res.status} ${res.errors?.[0]?.message ?? ""}`.slice(0, 200));
        const [row] = (await org.query(`SELECT version FROM org_unit WHERE id = $1`, [unit.id])).rows;
        versions.set(unit.id, row.version);
      } else versions.set(unit.id, data.setRegisterCount.version);
    } catch (error) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(String(error).slice(0, 200));
    } finally {
      busy.delete(unit.id);
      inFlight--;
    }
  };
  const pending: Promise<void>[] = [];
  while (sent < total && Date.now() - began < options.seconds * 1000 + 5000) {
    const due = Math.min(total, Math.floor(((Date.now() - began) / 1000) * options.rate));
    while (sent < due && inFlight < maxInFlight) {
      sent++;
      pending.push(sendOne());
    }
    await sleep(2);
  }
  await Promise.all(pending);
  const elapsed = (Date.now() - began) / 1000;
  const [{ stop }] = (await org.query<{ stop: Date }>(`SELECT clock_timestamp() AS stop`)).rows;

  const published = (
    await org.query<{ id: string; time: Date }>(
      `SELECT id::text, time FROM outbox WHERE type = 'grassroots.organization.org-unit.register-count-set.v1' AND time >= $1 AND time <= $2`,
      [start, stop],
    )
  ).rows;
  const commitTime = new Map(published.map((r) => [r.id, r.time.getTime()]));
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
  return {
    targetRatePerSecond: options.rate,
    achievedRatePerSecond: round(published.length / elapsed, 1),
    seconds: round(elapsed, 1),
    mutationsSent: sent,
    mutationErrors: errors,
    mutationLatencyMs: latency.summary(),
    events: published.length,
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
  options: { events: number; caller: Caller; concurrency?: number },
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
          setRegisterCountBody(unit.id, unit.version, 300 + (made % 2000), asOf),
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
    await holder.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lockKey]);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [{ left }] = (
        await org.query(`SELECT count(*)::int AS left FROM outbox WHERE seq > $1 AND sent_at IS NULL`, [seq])
      ).rows;
      if (left === 0 || Date.now() > deadline) break;
      await sleep(100);
    }
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
      consumers,
      method:
        "backlog built while this benchmark held the relay's advisory lock (relay connection ended, so it idled as a standby); " +
        "rate = events / (last sent_at − release)",
    };
  } finally {
    await holder.end().catch(() => undefined);
  }
}

/** The body of one SetRegisterCount (the event both measurements make organization publish). */
function setRegisterCountBody(id: string, expectedVersion: number, count: number, asOf: string): string {
  return JSON.stringify({
    query: OPERATIONS.SetRegisterCount.document,
    operationName: "SetRegisterCount",
    variables: { input: { id, expectedVersion, count, asOf } },
  });
}
