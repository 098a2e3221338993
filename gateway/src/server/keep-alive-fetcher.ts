import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { currentTraceHeaders, inSpan, SpanKind } from "@grassroots/kit";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { gatewaySubgraphRequestDuration } from "./gateway-metrics";
import type { BufferedAnswer, SharedFetches } from "./shared-fetches";

export type Fetcher = RemoteGraphQLDataSource["fetcher"];

/** Connections to subgraphs are reused across requests: no TCP (or TLS) set-up per subgraph call. */
export class SubgraphAgents {
  readonly http = new HttpAgent({ keepAlive: true, keepAliveMsecs: 15_000, maxFreeSockets: 64 });
  readonly https = new HttpsAgent({ keepAlive: true, keepAliveMsecs: 15_000, maxFreeSockets: 64 });

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/**
 * A fetch for RemoteGraphQLDataSource on Node's http with a keep-alive agent and a time limit, so a hung
 * subgraph fails the request instead of holding it open. With `shared`, identical query fetches in
 * flight at once share one request (SUBGRAPH_FETCH_SHARING, shared-fetches.ts).
 */
export function keepAliveFetcher(
  subgraph: string,
  agents: SubgraphAgents,
  timeoutMs: number,
  shared?: SharedFetches,
): Fetcher {
  return async (url, init = {}) => {
    const method = init.method ?? "POST";
    // One client span per fetch; the subgraph continues the trace from its traceparent header.
    const answer = await inSpan(
      `${subgraph} fetch`,
      { kind: SpanKind.CLIENT, attributes: { "server.address": new URL(url).host, subgraph } },
      async () => {
        const headers = { ...(init.headers as Record<string, string>), ...currentTraceHeaders() };
        const send = () => sendBuffered(subgraph, agents, timeoutMs, url, method, headers, init.body);
        return shared ? shared.run({ subgraph, url, method, headers, body: init.body }, send) : send();
      },
    );
    const noBody = answer.status === 204 || answer.status === 205 || answer.status === 304;
    return new BufferedResponse(noBody ? null : answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
  };
}

/**
 * A Response over an answer already read to the end: text() and json() decode the buffer directly.
 * Through undici's body stream the same JSON cost a web-stream read, a copy and a TextDecoder pass per
 * fetch (a 500-statistician answer is about 1 MB, and each caller sharing a fetch parses its own).
 */
export class BufferedResponse extends Response {
  constructor(
    private readonly buffered: Buffer | null,
    private readonly init: ResponseInit,
  ) {
    super(null, init);
  }

  // Instance properties, not methods: Node's typings declare Response's readers as properties.
  override text = async (): Promise<string> => (this.buffered ? this.buffered.toString("utf8") : "");

  override json = async (): Promise<unknown> => JSON.parse(await this.text());

  override arrayBuffer = async (): Promise<ArrayBuffer> => {
    const b = this.buffered ?? Buffer.alloc(0);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };

  override clone = (): BufferedResponse => new BufferedResponse(this.buffered, this.init);
}

/** One request to a subgraph, read to the end. */
function sendBuffered(
  subgraph: string,
  agents: SubgraphAgents,
  timeoutMs: number,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<BufferedAnswer> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const observe = (status: string) =>
      gatewaySubgraphRequestDuration.observe(
        { subgraph, status },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    const target = new URL(url);
    const secure = target.protocol === "https:";
    const req = (secure ? httpsRequest : httpRequest)(target, {
      method,
      headers,
      agent: secure ? agents.https : agents.http,
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`subgraph ${subgraph} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      observe("error");
      reject(error);
    };
    req.on("error", fail);
    req.on("response", (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", fail);
      res.on("end", () => {
        clearTimeout(timer);
        const status = res.statusCode ?? 502;
        observe(String(status));
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve({ status, statusText: res.statusMessage ?? "", headers: pairs, body: Buffer.concat(chunks) });
      });
    });
    if (body !== undefined) req.write(body as string | Buffer);
    req.end();
  });
}
