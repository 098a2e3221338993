import { Headers as GrassrootsHeaders } from "@grassroots/kit";
import { gatewaySharedSubgraphFetches } from "./gateway-metrics";

/** A subgraph's answer read to the end, so any number of callers can each get a Response of it. */
export interface BufferedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer | null;
}

export interface SubgraphFetch {
  subgraph: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

// Headers that differ per client request and say nothing about the answer.
const PER_REQUEST_HEADERS = new Set([GrassrootsHeaders.requestId, "traceparent", "tracestate"]);

/**
 * In-flight de-duplication of subgraph fetches: identical query fetches (same subgraph, URL, body and
 * forwarded headers, so the same caller's identity) that are in flight at once share one request and
 * its answer. Ten callers opening the same dashboard then cost the subgraphs one computation, not ten.
 *
 * Never shared: anything but a query (a mutation runs once per caller), fetches of different
 * identities (the identity header is part of the key), and a fetch that starts after a mutation
 * answered: every mutation's answer starts a new epoch, and the epoch is part of the key, so a read
 * that follows a write never receives an answer computed before it. Nothing is kept once the shared
 * request has settled: this is not a cache.
 */
export class SharedFetches {
  private readonly inFlight = new Map<string, Promise<BufferedAnswer>>();
  private epoch = 0;

  run(fetch: SubgraphFetch, send: () => Promise<BufferedAnswer>): Promise<BufferedAnswer> {
    if (!isQuery(fetch)) return send().finally(() => this.epoch++);
    const key = this.keyOf(fetch);
    const running = this.inFlight.get(key);
    if (running) {
      gatewaySharedSubgraphFetches.inc({ subgraph: fetch.subgraph });
      return running;
    }
    const started = send().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** How many distinct fetches are in flight (tests, metrics). */
  get size(): number {
    return this.inFlight.size;
  }

  private keyOf(fetch: SubgraphFetch): string {
    // The request id and the trace context differ per client request and say nothing about the
    // answer; the shared request carries the first caller's.
    const headers = Object.entries(fetch.headers)
      .filter(([name]) => !PER_REQUEST_HEADERS.has(name.toLowerCase()))
      .map(([name, value]) => `${name.toLowerCase()}: ${value}`)
      .sort();
    // Lines, body last and as it is: no header, URL or name holds a newline, and an entity fetch's
    // body (tens of KB) is not escaped again on every fetch, as JSON.stringify of it would.
    return `${this.epoch}\n${fetch.subgraph}\n${fetch.url}\n${headers.join("\n")}\n\n${fetch.body as string}`;
  }
}

// RemoteGraphQLDataSource sends JSON.stringify({ query, variables, operationName }); the gateway's
// generated operation text starts with its keyword ("query …", or "{" for an anonymous query).
const QUERY_BODY = /^\{"query":"(?:query\b|\{)/;

/** A POST of a query operation; anything else (a mutation, another shape of body) counts as a write. */
function isQuery(fetch: SubgraphFetch): boolean {
  return fetch.method === "POST" && typeof fetch.body === "string" && QUERY_BODY.test(fetch.body);
}
