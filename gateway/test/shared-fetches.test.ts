import { Headers } from "@grassroots/kit";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { keepAliveFetcher, SubgraphAgents } from "../src/server/keep-alive-fetcher";
import { SharedFetches } from "../src/server/shared-fetches";

// #15: identical subgraph query fetches in flight at once share one request and its answer; never
// across identities, never for mutations, never across a mutation's answer. The subgraph here is a
// real HTTP server that counts requests and answers only when the test lets it.

let server: Server;
let url: string;
let received: { body: string; identity: string | undefined; requestId: string | undefined }[] = [];
let held: ServerResponse[] = [];
const agents = new SubgraphAgents();

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({
        body,
        identity: req.headers[Headers.identity] as string | undefined,
        requestId: req.headers[Headers.requestId] as string | undefined,
      });
      held.push(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  agents.destroy();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  received = [];
  held = [];
});

/** Answers every held request with its own number, so a shared answer is recognisable. */
function release(): void {
  held.forEach((res, i) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ data: { n: i + 1 } }));
  });
  held = [];
}

const waitForRequests = async (n: number) => {
  for (let i = 0; i < 200 && received.length < n; i++) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 50)); // a request that should not come has time to arrive
};

const QUERY = JSON.stringify({ query: "query Dash__organization__0{orgUnits{totalCount}}", variables: {} });
const MUTATION = JSON.stringify({
  query: 'mutation Set__organization__0{setRegisterCount(input:{id:"u"}){id}}',
  variables: {},
});
const call = (
  fetcher: ReturnType<typeof keepAliveFetcher>,
  body: string,
  identity: string,
  requestId: string,
) =>
  fetcher(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [Headers.identity]: identity,
      [Headers.requestId]: requestId,
    },
    body,
  }).then(async (res) => ((await res.json()) as { data: { n: number } }).data.n);

describe("#15 in-flight de-duplication of subgraph fetches", () => {
  it("#15: ten identical query fetches of one caller in flight at once are one request, each gets the answer", async () => {
    const shared = new SharedFetches();
    const fetcher = keepAliveFetcher("organization", agents, 5000, shared);
    const answers = Promise.all(
      Array.from({ length: 10 }, (_, i) => call(fetcher, QUERY, "alice", `r-${i}`)),
    );
    await waitForRequests(10);
    expect(received).toHaveLength(1);
    expect(received[0].requestId).toBe("r-0"); // the first caller's request id goes out
    release();
    expect(await answers).toEqual(Array(10).fill(1));
    expect(shared.size).toBe(0); // nothing kept once answered: not a cache
    // Once the shared request has settled, the same fetch is sent again.
    const again = call(fetcher, QUERY, "alice", "r-10");
    await waitForRequests(1);
    expect(received).toHaveLength(2);
    release();
    expect(await again).toBe(1);
  });

  it("#15: the same query of two identities is two requests (never shared across callers)", async () => {
    const fetcher = keepAliveFetcher("organization", agents, 5000, new SharedFetches());
    const answers = Promise.all([call(fetcher, QUERY, "alice", "a"), call(fetcher, QUERY, "bob", "b")]);
    await waitForRequests(2);
    expect(received.map((r) => r.identity).sort()).toEqual(["alice", "bob"]);
    release();
    expect((await answers).sort()).toEqual([1, 2]);
  });

  it("#15: identical mutations are each sent (a write runs once per caller)", async () => {
    const fetcher = keepAliveFetcher("organization", agents, 5000, new SharedFetches());
    const answers = Promise.all([
      call(fetcher, MUTATION, "alice", "a"),
      call(fetcher, MUTATION, "alice", "b"),
    ]);
    await waitForRequests(2);
    expect(received).toHaveLength(2);
    release();
    expect((await answers).sort()).toEqual([1, 2]);
  });

  it("#15: a read that starts after a mutation answered never joins a fetch started before it", async () => {
    const fetcher = keepAliveFetcher("organization", agents, 5000, new SharedFetches());
    const before = call(fetcher, QUERY, "alice", "before");
    await waitForRequests(1);
    const write = call(fetcher, MUTATION, "alice", "write");
    await waitForRequests(2);
    held[1].setHeader("content-type", "application/json");
    held[1].end(JSON.stringify({ data: { n: 99 } }));
    held.splice(1, 1);
    expect(await write).toBe(99);
    const after = call(fetcher, QUERY, "alice", "after");
    await waitForRequests(3);
    expect(received.map((r) => r.requestId)).toEqual(["before", "write", "after"]);
    release();
    expect([await before, await after]).toEqual([1, 2]);
  });

  it("#15: a failed shared request fails every caller that joined it, and the next one is sent afresh", async () => {
    const fetcher = keepAliveFetcher("organization", agents, 300, new SharedFetches());
    const answers = Promise.allSettled([
      call(fetcher, QUERY, "alice", "a"),
      call(fetcher, QUERY, "alice", "b"),
    ]);
    const settled = await answers; // nobody answers: both see the one request's time limit
    expect(received).toHaveLength(1);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/did not answer within 300 ms/);
    held.forEach((res) => res.destroy());
    held = [];
    const next = call(fetcher, QUERY, "alice", "c");
    await waitForRequests(2);
    expect(received).toHaveLength(2);
    release();
    expect(await next).toBe(1);
  });

  it("#15: without sharing (SUBGRAPH_FETCH_SHARING=false) each fetch is its own request", async () => {
    const fetcher = keepAliveFetcher("organization", agents, 5000);
    const answers = Promise.all(Array.from({ length: 3 }, (_, i) => call(fetcher, QUERY, "alice", `r-${i}`)));
    await waitForRequests(3);
    expect(received).toHaveLength(3);
    release();
    expect((await answers).sort()).toEqual([1, 2, 3]);
  });
});
