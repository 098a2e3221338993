import { randomUUID } from "node:crypto";
import {
  callGateway,
  queryDatabase,
  readTopicWithKcat,
  startPrivateBroker,
  startSuite,
  waitFor,
  type PrivateBroker,
  type RunningSuite,
} from "@grassroots/testing";
import { chinaDay, importOrdosDivisions } from "../support/ordos-suite";

// Issue 14, "Broker killed": 10,000 business writes go through the gateway while the Kafka broker is
// killed with SIGKILL five times and started again. Afterwards every committed write's event is on
// its topic (duplicates on the wire allowed), each unit's events are in version order, and
// personnel's projection equals organization's units. The broker is this file's own.

const WRITES = Number(process.env.CHAOS_WRITES ?? 10_000);
const WRITERS = 8;
const KILLS = 5;
let broker: PrivateBroker;
let suite: RunningSuite;
let token: string;

const SET_COUNT = `mutation ($input: SetRegisterCountInput!) { setRegisterCount(input: $input) { id version registerCount } }`;
const source = (sql: string, params: unknown[] = []) =>
  queryDatabase(suite.databases.organization.url, sql, params);

beforeAll(async () => {
  broker = await startPrivateBroker();
  suite = await startSuite(["organization", "personnel"], { kafkaBrokers: broker.brokers });
  token = await suite.token("CITY_ADMIN", "150600000000");
  importOrdosDivisions(suite);
}, 300_000);
afterAll(async () => {
  await suite?.stop();
  await broker?.destroy();
});

/** Every message of a topic on the private broker (kcat), in offset order per partition. */
async function readAll(topic: string) {
  return (await readTopicWithKcat(topic, broker.brokers)).map((m) => ({
    id: m.headers.ce_id,
    type: m.headers.ce_type,
    key: m.key,
    version: (JSON.parse(m.value) as { version: number }).version,
  }));
}

it(`#14 chaos: ${WRITES} writes through the gateway while the broker is killed ${KILLS} times — no event lost, none applied twice, per-unit order kept, personnel's projection equal to the source`, async () => {
  const units = await waitFor(async () => {
    const rows = await source(`SELECT id, version FROM org_unit WHERE depth = 2 ORDER BY code`);
    return rows.length >= 80 ? (rows as { id: string; version: number }[]) : undefined;
  }, "the townships to be imported");
  const [{ seq: startSeq }] = (await source(`SELECT coalesce(max(seq), 0)::bigint AS seq FROM outbox`)) as {
    seq: string;
  }[];
  const versions = new Map(units.map((u) => [u.id, u.version]));
  const asOf = chinaDay();
  let next = 0;
  let acknowledged = 0;
  let refused = 0;
  const refusals = new Map<string, number>();

  // Each writer owns every WRITERS-th township, so it always knows the version to expect.
  const writer = async (w: number) => {
    const mine = units.filter((_, i) => i % WRITERS === w);
    for (let k = 0; next < WRITES; k++) {
      next++;
      const unit = mine[k % mine.length];
      const res = await callGateway(
        suite.gatewayUrl,
        SET_COUNT,
        {
          input: {
            id: unit.id,
            expectedVersion: versions.get(unit.id),
            count: k,
            asOf,
            requestId: randomUUID(),
          },
        },
        token,
      );
      if (res.errors || !res.data) {
        refused++;
        const code = String(res.errors?.[0]?.extensions?.code ?? "NO_DATA");
        refusals.set(code, (refusals.get(code) ?? 0) + 1);
        const [row] = (await source(`SELECT version FROM org_unit WHERE id = $1`, [unit.id])) as {
          version: number;
        }[];
        versions.set(unit.id, row.version);
      } else {
        acknowledged++;
        versions.set(unit.id, res.data.setRegisterCount.version);
      }
    }
  };

  // Kills spread over the writes: each waits for another share of them, kills, waits, starts again.
  const outages: number[] = [];
  const chaos = async () => {
    for (let i = 1; i <= KILLS; i++) {
      await waitFor(
        () => next >= (WRITES * i) / (KILLS + 1) || next >= WRITES,
        "writes to progress",
        600_000,
        50,
      );
      const killed = Date.now();
      await broker.kill();
      await new Promise((r) => setTimeout(r, 1500));
      await broker.start();
      outages.push(Date.now() - killed);
      // Up for a while before the next kill: the relay and the consumer work between the crashes.
      await new Promise((r) => setTimeout(r, 4000));
    }
  };
  const began = Date.now();
  await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), chaos()]);
  const writeSeconds = (Date.now() - began) / 1000;

  // Every committed change of the run is in organization's outbox; wait until the relay sent it all.
  const back = Date.now();
  await waitFor(
    async () =>
      Number((await source(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n) === 0,
    "the outbox to drain after the last restart",
    120_000,
    100,
  );
  const drainMs = Date.now() - back;
  const committed = (await source(
    `SELECT id::text, key, (data->>'version')::int AS version FROM outbox
      WHERE seq > $1 AND type = 'grassroots.organization.org-unit.register-count-set.v1' ORDER BY seq`,
    [startSeq],
  )) as { id: string; key: string; version: number }[];
  expect(committed.length).toBeGreaterThanOrEqual(acknowledged);

  const onTopic = (await readAll(`${suite.topicPrefix}grassroots.organization.org-unit.v1`)).filter(
    (m) => m.type === "grassroots.organization.org-unit.register-count-set.v1",
  );
  const seen = new Set<string>();
  const firstDeliveries: typeof onTopic = [];
  for (const m of onTopic) if (!seen.has(m.id) && seen.add(m.id)) firstDeliveries.push(m);
  const lost = committed.filter((c) => !seen.has(c.id)).length;
  const duplicatesOnWire = onTopic.length - firstDeliveries.length;
  // Per key, the first delivery of each event comes in the order the versions were committed.
  const lastVersion = new Map<string, number>();
  let outOfOrder = 0;
  for (const m of firstDeliveries) {
    if ((lastVersion.get(m.key) ?? 0) >= m.version) outOfOrder++;
    lastVersion.set(m.key, m.version);
  }

  // personnel applied each event once (its inbox) and ends where organization is.
  const projected = await waitFor(
    async () => {
      const rows = (await queryDatabase(
        suite.databases.personnel.url,
        `SELECT id::text, version, register_count FROM org_unit WHERE depth = 2 ORDER BY id`,
      )) as { id: string; version: number; register_count: number }[];
      const want = new Map(
        (
          (await source(`SELECT id::text, version FROM org_unit WHERE depth = 2`)) as {
            id: string;
            version: number;
          }[]
        ).map((r) => [r.id, r.version]),
      );
      return rows.length === want.size && rows.every((r) => want.get(r.id) === r.version) ? rows : undefined;
    },
    "personnel's projection to reach organization's versions",
    120_000,
    250,
  );
  const sourceRows = (await source(
    `SELECT id::text, version, register_count FROM org_unit WHERE depth = 2 ORDER BY id`,
  )) as { id: string; version: number; register_count: number }[];
  const [{ n: handledTwice }] = (await queryDatabase(
    suite.databases.personnel.url,
    `SELECT count(*)::int AS n FROM (SELECT event_id FROM inbox GROUP BY event_id HAVING count(*) > 1) d`,
  )) as { n: number }[];
  const [{ n: inboxed }] = (await queryDatabase(
    suite.databases.personnel.url,
    `SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::text[])`,
    [committed.map((c) => c.id)],
  )) as { n: number }[];

  process.stdout.write(
    [
      `#14 chaos (broker): ${WRITES} writes by ${WRITERS} writers in ${writeSeconds.toFixed(1)} s, ${KILLS} kill -9 of the broker (outages ${outages.join(", ")} ms)`,
      `  acknowledged ${acknowledged}, refused ${refused} (${[...refusals].map(([c, n]) => `${c} ${n}`).join(", ") || "none"}), committed events ${committed.length}`,
      `  on the topic ${onTopic.length} (duplicates on the wire ${duplicatesOnWire}); lost ${lost}; out of order ${outOfOrder}`,
      `  personnel: handled ${inboxed} of ${committed.length}, handled twice ${handledTwice}; projection equal to the source: ${JSON.stringify(projected) === JSON.stringify(sourceRows)}`,
      `  outbox drained ${drainMs} ms after the writes ended`,
    ].join("\n") + "\n",
  );
  expect(lost).toBe(0);
  expect(outOfOrder).toBe(0);
  expect(handledTwice).toBe(0);
  expect(inboxed).toBe(committed.length);
  expect(projected).toEqual(sourceRows);
  expect(refused).toBe(0);
}, 1_200_000);
