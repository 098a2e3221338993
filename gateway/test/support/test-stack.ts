import { createLogger, type Role } from "@grassroots/kit";
import { parse } from "graphql";
import { signDevToken } from "../../src/auth/dev-token";
import type { TokenVerifier } from "../../src/auth/verify-token";
import { composeSupergraph } from "../../src/compose/compose-supergraph";
import { loadGatewayConfig, type GatewayConfig } from "../../src/config";
import { startGatewayServer, type RunningGateway } from "../../src/server/gateway-server";
import { echoSdl, startEchoSubgraph, type EchoSubgraph } from "./echo-subgraph";

export const INTERNAL_SECRET = "test-internal-secret-0123456789";
export const JWT_SECRET = "test-jwt-secret-0123456789-0123456789-abcdef";

export interface GraphQLResponse {
  status: number;
  headers: globalThis.Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

export interface TestStack {
  gateway: RunningGateway;
  subgraph: EchoSubgraph;
  config: GatewayConfig;
  /** Base URL of the gateway, e.g. http://127.0.0.1:1234 */
  base: string;
  token(
    claims?: Partial<{ sub: string; roles: Role[]; org: string; ttlSeconds: number; secret: string }>,
  ): Promise<string>;
  post(
    query: string,
    options?: { token?: string; headers?: Record<string, string>; variables?: Record<string, unknown> },
  ): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** The echo subgraph, composed on the fly, behind a real gateway on port 0. */
export async function startTestStack(
  env: Record<string, string> = {},
  options: { verifyToken?: TokenVerifier } = {},
): Promise<TestStack> {
  const subgraph = await startEchoSubgraph(INTERNAL_SECRET);
  const composed = composeSupergraph([{ name: "echo", url: subgraph.url, typeDefs: parse(echoSdl) }]);
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  const config = loadGatewayConfig({ NODE_ENV: "test", INTERNAL_SECRET, JWT_SECRET, ...env });
  const gateway = await startGatewayServer({
    config,
    logger: createLogger("gateway-test", "silent"),
    supergraph: { sdl: composed.supergraphSdl },
    port: 0,
    verifyToken: options.verifyToken,
  });
  const base = gateway.url.replace(/\/graphql$/, "");
  return {
    gateway,
    subgraph,
    config,
    base,
    token: (claims = {}) =>
      signDevToken(
        { sub: claims.sub ?? "clerk-1", roles: claims.roles ?? ["UNIT_CLERK"], org: claims.org ?? "unit-1" },
        {
          secret: claims.secret ?? JWT_SECRET,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          ttlSeconds: claims.ttlSeconds ?? 600,
        },
      ),
    post: async (query, options = {}) => {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables: options.variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLResponse["body"],
      };
    },
    stop: async () => {
      await gateway.stop();
      await subgraph.stop();
    },
  };
}
