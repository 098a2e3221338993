import { Agent, request } from "node:http";
import { encodeIdentity, Headers, orgUnitIdForCode } from "@grassroots/kit";
import { SignJWT } from "jose";
import type { Role } from "../scenarios/definitions";
import { expand, type Json, type Scope, type TemplateState } from "../scenarios/template";

/** Who calls: a role at a home unit (a 12-digit division code or an org unit id). */
export interface Caller {
  role: Role;
  home: string;
}

/** Where requests go and how a caller is presented there. */
export interface Endpoint {
  /** "gateway" or "subgraph:<name>" */
  label: string;
  url: string;
  headersFor(caller: Caller): Promise<Record<string, string>>;
}

const unitId = (home: string) => (/^\d{12}$/.test(home) ? orgUnitIdForCode(home) : home);

/** The gateway, as a client calls it: a bearer token and nothing else. */
export function gatewayEndpoint(url: string, token: (caller: Caller) => Promise<string>): Endpoint {
  return {
    label: "gateway",
    url,
    headersFor: async (caller) => ({
      "content-type": "application/json",
      authorization: `Bearer ${await token(caller)}`,
    }),
  };
}

/** A subgraph, as the gateway calls it: the internal secret and the forwarded identity. */
export function subgraphEndpoint(name: string, url: string, internalSecret: string): Endpoint {
  return {
    label: `subgraph:${name}`,
    url,
    headersFor: async (caller) => ({
      "content-type": "application/json",
      [Headers.internalSecret]: internalSecret,
      [Headers.identity]: encodeIdentity({
        userId: `load-${caller.role.toLowerCase()}`,
        roles: [caller.role],
        orgUnitId: unitId(caller.home),
      }),
    }),
  };
}

/**
 * The same endpoint, asking past the gateway's response cache (`Cache-Control: no-cache`): for the
 * SQL counts and the gateway-overhead comparison, where a cached answer would measure nothing.
 */
export function freshReads(endpoint: Endpoint): Endpoint {
  return {
    label: endpoint.label,
    url: endpoint.url,
    headersFor: async (caller) => ({ ...(await endpoint.headersFor(caller)), "cache-control": "no-cache" }),
  };
}

/** HS256 development tokens, as the gateway's mint-token does (claims sub, roles, org; iss/aud of the dev setup). */
export function hs256Tokens(
  secret: string,
  issuer = "grassroots-dev",
  audience = "grassroots",
): (caller: Caller) => Promise<string> {
  const key = new TextEncoder().encode(secret);
  return (caller) =>
    new SignJWT({ roles: [caller.role], org: unitId(caller.home) })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(`load-${caller.role.toLowerCase()}`)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime("2h")
      .sign(key);
}

/** The caller of a scenario with its home expanded ("${bannerCode}" → a code). */
export function callerOf(identity: { role: Role; home: string }, scope: Scope, state: TemplateState): Caller {
  return { role: identity.role, home: String(expand(identity.home as Json, scope, state)) };
}

export interface GraphQLResponse {
  status: number;
  data?: Json;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One request with fetch (setup steps, checks, SQL measurements; the load itself goes through autocannon). */
export async function post(
  endpoint: Endpoint,
  caller: Caller,
  body: { query: string; variables: Json; operationName?: string },
): Promise<GraphQLResponse> {
  const res = await fetch(endpoint.url, {
    method: "POST",
    headers: await endpoint.headersFor(caller),
    body: JSON.stringify(body),
  });
  const text = await res.text();
  try {
    return { status: res.status, ...(JSON.parse(text) as object) };
  } catch {
    return { status: res.status, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * A POST on node:http with a keep-alive agent: several times cheaper in CPU than fetch, for the
 * senders that share the machine with what they measure (event latency, relay backlog).
 */
export function httpPost(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<GraphQLResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({ status: res.statusCode ?? 0, ...(JSON.parse(text) as object) });
          } catch {
            resolve({
              status: res.statusCode ?? 0,
              errors: [{ message: `not JSON: ${text.slice(0, 200)}` }],
            });
          }
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
