import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { gatewaySubgraphRequestDuration } from "./gateway-metrics";

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
 * subgraph fails the request instead of holding it open.
 */
export function keepAliveFetcher(subgraph: string, agents: SubgraphAgents, timeoutMs: number): Fetcher {
  return (url, init = {}) =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const observe = (status: string) =>
        gatewaySubgraphRequestDuration.observe(
          { subgraph, status },
          Number(process.hrtime.bigint() - started) / 1e9,
        );
      const target = new URL(url);
      const secure = target.protocol === "https:";
      const req = (secure ? httpsRequest : httpRequest)(target, {
        method: init.method ?? "POST",
        headers: init.headers,
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
          const headers = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
          const noBody = status === 204 || status === 205 || status === 304;
          resolve(
            new Response(noBody ? null : Buffer.concat(chunks), {
              status,
              statusText: res.statusMessage ?? "",
              headers,
            }),
          );
        });
      });
      if (init.body !== undefined) req.write(init.body);
      req.end();
    });
}
