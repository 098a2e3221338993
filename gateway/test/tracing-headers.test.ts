import { Headers, startTracing } from "@grassroots/kit";
import { context, trace, TraceFlags } from "@opentelemetry/api";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { keepAliveFetcher, SubgraphAgents } from "../src/server/keep-alive-fetcher";
import { SharedFetches } from "../src/server/shared-fetches";

// #16: every subgraph fetch carries the W3C trace context of the request it serves, and trace
// context — different for every client request — is no part of a shared fetch's key (#15).

let server: Server;
let url: string;
let received: { traceparent?: string; tracestate?: string }[] = [];
let held: ServerResponse[] = [];
const agents = new SubgraphAgents();
// Tracing off, as by default: the context and the W3C propagator are installed all the same.
const tracing = startTracing("gateway-test", {
  OTEL_EXPORTER_OTLP_ENDPOINT: "",
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "",
  OTEL_TRACES_SAMPLER_ARG: 1,
  OTEL_BSP_SCHEDULE_DELAY: 100,
});

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      received.push({
        traceparent: req.headers.traceparent as string | undefined,
        tracestate: req.headers.tracestate as string | undefined,
      });
      held.push(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  agents.destroy();
  await tracing.stop();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  received = [];
  held = [];
});

function release(): void {
  for (const res of held) res.writeHead(200, { "content-type": "application/json" }).end('{"data":{}}');
  held = [];
}
const waitForRequests = async (n: number) => {
  for (let i = 0; i < 200 && received.length < n; i++) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 50)); // a request that should not come has time to arrive
};

const QUERY = JSON.stringify({ query: "query Dash__organization__0{orgUnits{totalCount}}", variables: {} });
const MUTATION = JSON.stringify({
  query: 'mutation M__organization__0{setRegisterCount(input:{id:"u"}){id}}',
});
const traceOf = () => ({ traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex") });

/** A fetch made while serving a client request of the given trace. */
const fetchIn = (
  fetcher: ReturnType<typeof keepAliveFetcher>,
  t: { traceId: string; spanId: string },
  body: string,
) =>
  context.with(
    trace.setSpan(context.active(), trace.wrapSpanContext({ ...t, traceFlags: TraceFlags.SAMPLED })),
    () =>
      fetcher(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [Headers.identity]: "alice",
          [Headers.requestId]: t.traceId,
        },
        body,
      }),
  );

describe("#16 trace context on subgraph fetches", () => {
  it("#16: a fetch carries the traceparent of the request it serves", async () => {
    const fetcher = keepAliveFetcher("organization", agents, 5000);
    const t = traceOf();
    const answer = fetchIn(fetcher, t, MUTATION);
    await waitForRequests(1);
    release();
    await answer;
    expect(received).toEqual([{ traceparent: `00-${t.traceId}-${t.spanId}-01`, tracestate: undefined }]);
  });

  it("#16: identical query fetches of one caller in different traces still share one request (trace context is not in the key), which carries the first one's traceparent", async () => {
    const fetcher = keepAliveFetcher("organization", agents, 5000, new SharedFetches());
    const traces = Array.from({ length: 5 }, traceOf);
    const answers = Promise.all(traces.map((t) => fetchIn(fetcher, t, QUERY)));
    await waitForRequests(5);
    expect(received).toHaveLength(1);
    expect(received[0].traceparent).toBe(`00-${traces[0].traceId}-${traces[0].spanId}-01`);
    release();
    expect((await answers).map((r) => r.status)).toEqual(Array(5).fill(200));
  });

  it("#16: a fetch outside any client request (schema loading, health) gets its own unsampled trace, never a client's", async () => {
    const fetcher = keepAliveFetcher("organization", agents, 5000);
    const answer = fetcher(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: QUERY,
    });
    await waitForRequests(1);
    release();
    await answer;
    expect(received).toHaveLength(1);
    expect(received[0].traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });
});
