import { randomBytes, randomUUID } from "node:crypto";
import { StatisticianRegistered } from "@grassroots/events";
import { orgUnitIdForCode } from "@grassroots/kit";
import {
  callGateway,
  queryDatabase as sql,
  startSuite,
  testIdNumber,
  waitFor,
  type RunningSuite,
} from "@grassroots/testing";
import { DALATE, importOrdosDivisions, SHULINZHAO } from "../support/ordos-suite";
import {
  descendsFrom,
  OtlpReceiver,
  printTree,
  SpanKinds,
  type ReceivedSpan,
} from "../support/tracing/otlp-receiver";

// #16 tracing: one clerk's mutation is one trace across the gateway, personnel, its SQL, its outbox,
// Kafka and training's consumer — collected by a real OTLP/HTTP receiver from the real processes.

const receiver = new OtlpReceiver();
let endpoint: string;
let suite: RunningSuite | undefined;

const REGISTER = `mutation RegisterForTrace($input: RegisterStatisticianInput!) {
  registerStatistician(input: $input) { id }
}`;
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
/** A caller's own trace: the gateway must continue it, not start another. */
const callerTrace = () => ({ traceId: hex(16), spanId: hex(8) });
const traceparentOf = (t: { traceId: string; spanId: string }) => `00-${t.traceId}-${t.spanId}-01`;

const tracingEnv = () => ({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: "100" });

const one = (spans: ReceivedSpan[], what: string, test: (s: ReceivedSpan) => boolean) => {
  const found = spans.filter(test);
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}`);
  return found[0];
};
const isSql = (s: ReceivedSpan) =>
  s.attributes["db.system"] === "postgresql" || s.attributes["db.system.name"] === "postgresql";
const statementOf = (s: ReceivedSpan) =>
  String(s.attributes["db.query.text"] ?? s.attributes["db.statement"] ?? "");

beforeAll(async () => {
  endpoint = await receiver.start();
}, 10_000);

afterAll(async () => {
  await suite?.stop();
  await receiver.stop();
});

describe("#16: tracing with OpenTelemetry", () => {
  it("#16: one mutation is one trace: gateway → subgraph → SQL → outbox → Kafka → the consuming service's handler and its SQL; the caller's traceparent is continued; no personal data in any span", async () => {
    const env = tracingEnv();
    suite = await startSuite(["organization", "personnel", "training"], {
      gatewayEnv: env,
      serviceEnv: { organization: env, personnel: env, training: env },
    });
    importOrdosDivisions(suite);
    // Personnel and training learn 树林召镇 from organization's events.
    for (const service of ["personnel", "training"])
      await waitFor(
        async () =>
          (
            await sql(suite!.databases[service].url, `SELECT 1 FROM org_unit WHERE id = $1`, [
              orgUnitIdForCode(SHULINZHAO),
            ])
          ).length === 1,
        `${service} to know 树林召镇`,
        90_000,
        250,
      );
    const token = await suite.token("BANNER_ADMIN", DALATE);

    const caller = callerTrace();
    const idNumber = testIdNumber("150621", 716_016);
    const phone = "13912345678";
    const res = await callGateway(
      suite.gatewayUrl,
      REGISTER,
      {
        input: {
          requestId: randomUUID(),
          orgUnitId: orgUnitIdForCode(SHULINZHAO),
          name: "追踪一号",
          idNumber,
          phone,
        },
      },
      token,
      { traceparent: traceparentOf(caller) },
    );
    expect(res.errors).toBeUndefined();
    // The request id of the logs is the trace id.
    expect(res.headers!.get("x-request-id")).toBe(caller.traceId);

    // The outbox row carries the trace context of the transaction that wrote it.
    const [row] = await sql<{ traceparent: string; request_id: string }>(
      suite.databases.personnel.url,
      `SELECT traceparent, request_id FROM outbox WHERE type = $1`,
      [StatisticianRegistered.type],
    );
    expect(row.request_id).toBe(caller.traceId);
    const [, rowTraceId, rowSpanId] = row.traceparent.split("-");
    expect(rowTraceId).toBe(caller.traceId);

    // Spans until the whole chain is in: training's consumer span and its handler's SQL.
    const chain = await waitFor(
      () => {
        const spans = receiver.trace(caller.traceId);
        const consumer = spans.find((s) => s.service === "training" && s.kind === SpanKinds.consumer);
        if (!consumer || !spans.some((s) => isSql(s) && descendsFrom(spans, s, consumer))) return undefined;
        if (!spans.some((s) => s.service === "gateway" && s.kind === SpanKinds.server)) return undefined;
        return spans;
      },
      "the trace's spans up to training's handler",
      60_000,
      100,
    );
    process.stdout.write(`#16 trace ${caller.traceId}:\n${printTree(chain)}\n`);

    const gatewayServer = one(
      chain,
      "gateway server span",
      (s) => s.service === "gateway" && s.kind === SpanKinds.server,
    );
    expect(gatewayServer.parentSpanId).toBe(caller.spanId);
    expect(gatewayServer.name).toBe("RegisterForTrace");

    const fetch = one(
      chain,
      "gateway → personnel client span",
      (s) => s.service === "gateway" && s.kind === SpanKinds.client && s.name === "personnel fetch",
    );
    expect(descendsFrom(chain, fetch, gatewayServer)).toBe(true);

    const personnelServer = one(
      chain,
      "personnel server span",
      (s) => s.service === "personnel" && s.kind === SpanKinds.server,
    );
    expect(personnelServer.parentSpanId).toBe(fetch.spanId);
    // The subgraph's span is named after the operation the gateway sent it (the query plan's name).
    expect(personnelServer.name).toBe("RegisterForTrace__personnel__0");

    const personnelSql = chain.filter((s) => s.service === "personnel" && isSql(s));
    expect(personnelSql.length).toBeGreaterThan(0);
    for (const span of personnelSql) expect(descendsFrom(chain, span, personnelServer)).toBe(true);
    expect(personnelSql.some((s) => /INSERT INTO "?statistician/i.test(statementOf(s)))).toBe(true);
    expect(personnelSql.some((s) => /INSERT INTO outbox/i.test(statementOf(s)))).toBe(true);

    // The row's context is personnel's request span; the relay's publish span is its child.
    const writer = chain.find((s) => s.spanId === rowSpanId)!;
    expect(writer).toBeDefined();
    expect(writer === personnelServer || descendsFrom(chain, writer, personnelServer)).toBe(true);
    const publish = one(
      chain,
      "publish span",
      (s) =>
        s.service === "personnel" &&
        s.kind === SpanKinds.producer &&
        s.attributes["cloudevents.event_type"] === StatisticianRegistered.type,
    );
    expect(publish.parentSpanId).toBe(rowSpanId);

    const consumer = one(
      chain,
      "training consumer span",
      (s) => s.service === "training" && s.kind === SpanKinds.consumer,
    );
    expect(consumer.parentSpanId).toBe(publish.spanId);
    expect(consumer.attributes["cloudevents.event_type"]).toBe(StatisticianRegistered.type);
    const trainingSql = chain.filter((s) => s.service === "training" && isSql(s));
    expect(trainingSql.length).toBeGreaterThan(0);
    for (const span of trainingSql) expect(descendsFrom(chain, span, consumer)).toBe(true);

    // Personal data is in no attribute of any span any process sent (statements are parameterised).
    const everything = JSON.stringify(receiver.spans.map((s) => [s.name, s.attributes]));
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain(phone);
    expect(receiver.spans.length).toBeGreaterThan(chain.length);

    // Stopping flushes: nothing is exported after the processes are gone.
    await suite.stop();
    suite = undefined;
  }, 300_000);

  it("#16: with tracing off (no endpoint) nothing is sent to the receiver, and a caller's traceparent is still passed on to the outbox and Kafka", async () => {
    const before = receiver.requests;
    suite = await startSuite(["organization", "personnel"], {
      // Every other tracing setting is there: only the endpoint is missing.
      gatewayEnv: { OTEL_BSP_SCHEDULE_DELAY: "100" },
      serviceEnv: {
        organization: { OTEL_BSP_SCHEDULE_DELAY: "100", OTEL_TRACES_SAMPLER_ARG: "1" },
        personnel: { OTEL_BSP_SCHEDULE_DELAY: "100", OTEL_TRACES_SAMPLER_ARG: "1" },
      },
    });
    importOrdosDivisions(suite);
    await waitFor(
      async () =>
        (
          await sql(suite!.databases.personnel.url, `SELECT 1 FROM org_unit WHERE id = $1`, [
            orgUnitIdForCode(SHULINZHAO),
          ])
        ).length === 1,
      "personnel to know 树林召镇",
      90_000,
      250,
    );
    const token = await suite.token("BANNER_ADMIN", DALATE);
    const caller = callerTrace();
    const res = await callGateway(
      suite.gatewayUrl,
      REGISTER,
      {
        input: {
          requestId: randomUUID(),
          orgUnitId: orgUnitIdForCode(SHULINZHAO),
          name: "追踪二号",
          idNumber: testIdNumber("150621", 716_017),
        },
      },
      token,
      { traceparent: traceparentOf(caller) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.headers!.get("x-request-id")).toBe(caller.traceId);
    // Off, the spans are no-ops carrying the caller's ids: the row keeps the caller's own span.
    const [row] = await sql<{ traceparent: string }>(
      suite.databases.personnel.url,
      `SELECT traceparent FROM outbox WHERE type = $1`,
      [StatisticianRegistered.type],
    );
    expect(row.traceparent).toBe(traceparentOf(caller));
    // A request without a traceparent still gets a trace id, as its request id.
    const plain = await callGateway(suite.gatewayUrl, `{ __typename }`, {}, token);
    expect(plain.headers!.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);

    // Shutdown flushes whatever a tracer holds: after it, still no request reached the receiver.
    await suite.stop();
    suite = undefined;
    expect(receiver.requests).toBe(before);
  }, 300_000);
});
