import { OrgUnitCreated, StatisticianRegistered } from "@grassroots/events";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import {
  callGateway,
  startPrivateCluster,
  startSuite,
  waitFor,
  type PrivateCluster,
  type RunningSuite,
} from "@grassroots/testing";
import { importOrdosDivisions } from "../support/ordos-suite";
import { checkIntegrity, firstSentAfter, unsentEvents, type BusinessKind } from "../support/pg/integrity";
import { watchReadiness } from "../support/pg/readiness-watch";
import { createUnits, registerPeople, runWriters, type WriterLog } from "../support/pg/write-load";

// Issue 14, "PostgreSQL restarted under write load": the five services as real processes on a
// private PostgreSQL cluster of this test's own (the shared one is never stopped), four writers
// through the gateway (two create org units in organization, two register people in personnel); the cluster is stopped (fast: every session ended) for a few seconds and
// started again. The services are not restarted: they must reconnect by themselves.

const KINDS: Record<string, BusinessKind> = {
  organization: {
    table: "org_unit",
    eventType: OrgUnitCreated.type,
    idField: "id",
    topic: OrgUnitCreated.topic,
  },
  personnel: {
    table: "statistician",
    eventType: StatisticianRegistered.type,
    idField: "statisticianId",
    topic: StatisticianRegistered.topic,
  },
};

let pg: PrivateCluster;
let suite: RunningSuite;
let token: string;
const started = Date.now();

beforeAll(async () => {
  pg = await startPrivateCluster();
  suite = await startSuite(["organization", "personnel", "training", "finance", "evaluation"], {
    postgres: pg,
  });
  token = await suite.token("CITY_ADMIN", "150600000000");
  importOrdosDivisions(suite);
  // personnel knows every town once their org-unit events reached it
  await waitFor(
    async () => {
      const res = await callGateway(
        suite.gatewayUrl,
        `query ($id: ID!) { staffingGaps(bannerId: $id) { unitsEvaluated } }`,
        { id: idOf("150621000000") },
        token,
        { "cache-control": "no-cache" },
      );
      return (res.data?.staffingGaps?.unitsEvaluated ?? 0) >= 17; // 达拉特旗's 17 townships
    },
    "personnel to know 达拉特旗's towns",
    60_000,
    250,
  );
}, 180_000);
afterAll(async () => {
  await suite?.stop();
  await pg?.destroy();
  // eslint-disable-next-line no-console
  console.log(`#14 postgres-restart: file ran ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

// fast: PostgreSQL ends every session and shuts down cleanly; immediate: a crash (recovery at start)
it.each([
  ["fast", 5_000, 0],
  ["immediate", 3_000, 2],
] as const)(
  "#14: PostgreSQL stopped (%s) %i ms under write load — readiness red then green, the services reconnect by themselves, no acknowledged write lost, no half-written change, refusals are SERVICE_UNAVAILABLE",
  async (mode, outageMs, w) => {
    const readiness = watchReadiness(suite.subgraphUrls);
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((r) => (finish = r));
    const url = () => suite.gatewayUrl;
    const { logs: writing, done: load } = runWriters(
      [
        { service: "organization", write: createUnits(url, () => token, w) },
        { service: "organization", write: createUnits(url, () => token, w + 1) },
        { service: "personnel", write: registerPeople(url, () => token, w) },
        { service: "personnel", write: registerPeople(url, () => token, w + 1) },
      ],
      finished,
    );

    let down = 0;
    let back = 0;
    let restarting = 0;
    try {
      // the load is steady first: every writer acknowledged twice (a busy machine may take seconds)
      await waitFor(
        () => writing.every((l) => l.acknowledged.length >= 2),
        "every writer to write",
        30_000,
        100,
      );
      down = Date.now();
      await pg.stop(mode);
      await new Promise((r) => setTimeout(r, outageMs));
      restarting = Date.now();
      await pg.start();
      back = Date.now(); // pg_ctl returns once the server accepts connections: a poll may see it first
      await waitFor(
        () => Object.keys(suite.subgraphUrls).every((s) => readiness.greenAgain[s] !== undefined),
        "every service ready again",
        30_000,
        100,
      );
      // writes go on after the return until every writer is acknowledged twice again
      await waitFor(
        () => writing.every((l) => l.acknowledgedAt.filter((t) => t > back).length >= 2),
        "every writer to write again",
        30_000,
        100,
      );
    } finally {
      finish();
      await readiness.stop();
    }
    const logs: WriterLog[] = await load;
    const stopped = Date.now();

    // the outbox drains to Kafka by itself after the return
    const drained = await waitFor(
      async () => {
        for (const svc of Object.keys(KINDS))
          if ((await unsentEvents(suite.databases[svc].url)) > 0) return false;
        return Date.now();
      },
      "every outbox drained",
      60_000,
      100,
    );

    const relayBack: Record<string, number | undefined> = {};
    for (const svc of Object.keys(KINDS))
      relayBack[svc] = await firstSentAfter(suite.databases[svc].url, back);
    const acknowledged = logs.reduce((n, l) => n + l.acknowledged.length, 0);
    const refusals = logs.flatMap((l) => l.refused);
    let lost = 0;
    for (const [svc, kind] of Object.entries(KINDS)) {
      const ids = logs.filter((l) => l.service === svc).flatMap((l) => l.acknowledged);
      const found = await checkIntegrity(suite.databases[svc].url, kind, ids, suite.topicPrefix);
      lost += found.lost.length;
      expect({ svc, ...found }).toEqual({
        svc,
        lost: [],
        rowsWithoutEvent: 0,
        eventsWithoutRow: 0,
        notOnTopic: [],
      });
    }
    const ackedBefore = logs.reduce((n, l) => n + l.acknowledgedAt.filter((t) => t < down).length, 0);
    const codes = [...new Set(refusals.map((r) => r.code))];
    const ms = (t: number | undefined) => (t === undefined ? "never" : `${t} ms`);
    // eslint-disable-next-line no-console
    console.log(
      [
        `#14 postgres-restart (${mode}): writes acknowledged ${acknowledged} (${ackedBefore} before the stop, ${acknowledged - ackedBefore} after), refused ${refusals.length} (codes ${codes.join(", ") || "none"}), lost ${lost}`,
        `  outage ${back - down} ms (pg stopped ${outageMs} ms + stop/start)`,
        ...Object.keys(suite.subgraphUrls).map(
          (s) =>
            `  ${s}: red ${ms(readiness.red[s] && readiness.red[s]! - down)} after the stop, ready ${ms(
              readiness.greenAgain[s] && readiness.greenAgain[s]! - back,
            )} after PostgreSQL returned`,
        ),
        ...Object.keys(KINDS).map(
          (s) =>
            `  ${s}'s outbox relay sent again ${ms(relayBack[s] && relayBack[s]! - back)} after PostgreSQL returned`,
        ),
        `  every outbox drained ${drained - stopped} ms after the load stopped`,
      ].join("\n"),
    );

    for (const svc of Object.keys(suite.subgraphUrls)) {
      expect(readiness.red[svc]).toBeGreaterThanOrEqual(down);
      expect(readiness.greenAgain[svc]).toBeGreaterThanOrEqual(restarting);
    }
    // every writer was acknowledged before the stop and again after the return, no process restarted
    for (const log of logs) {
      expect(log.acknowledgedAt.some((t) => t < down)).toBe(true);
      expect(log.acknowledgedAt.some((t) => t > back)).toBe(true);
    }
    for (const svc of Object.keys(KINDS)) expect(relayBack[svc]).toBeDefined();
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      expect({ code: refusal.code, stack: refusal.stack }).toEqual({
        code: "SERVICE_UNAVAILABLE",
        stack: false,
      });
      expect(refusal.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}\b/);
    }
  },
  120_000,
);
