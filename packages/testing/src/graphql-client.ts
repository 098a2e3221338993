import { encodeIdentity, Headers, type Identity } from "@grassroots/kit";
import { testEnv } from "@grassroots/test-infra";

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
  /** The HTTP response headers (callGateway only): cache-control, age, x-request-id. */
  headers?: globalThis.Headers;
}

/** Calls a subgraph the way the gateway does: internal secret plus the forwarded identity. */
export async function callSubgraph<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  identity?: Identity,
  options: { secret?: string | null } = {},
): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const secret = options.secret === undefined ? testEnv.internalSecret : options.secret;
  if (secret) headers[Headers.internalSecret] = secret;
  if (identity) headers[Headers.identity] = encodeIdentity(identity);
  const res = await post(url, headers, JSON.stringify({ query, variables }));
  const body = (await res.json()) as GraphQLResult<T>;
  return { ...body, status: res.status };
}

/** Calls the gateway as a client does: a bearer token and nothing else. */
export async function callGateway<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", ...extraHeaders };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await post(url, headers, JSON.stringify({ query, variables }));
  const body = (await res.json()) as GraphQLResult<T>;
  return { ...body, status: res.status, headers: res.headers };
}

/**
 * A POST that is sent again once when the keep-alive connection it went out on had been closed by
 * the server while idle, as browsers do. Tests block their event loop (execFileSync of a seed or a
 * CLI), so fetch's own idle timer cannot retire a connection before the server's keep-alive timeout
 * closes it, and the next call goes out on a dead socket ("other side closed", seen in CI). The
 * server never read that request; any other failure is thrown as it is.
 */
async function post(url: string, headers: Record<string, string>, body: string): Promise<Response> {
  try {
    return await fetch(url, { method: "POST", headers, body });
  } catch (error) {
    if (!isStaleConnection(error)) throw error;
    return fetch(url, { method: "POST", headers, body });
  }
}

function isStaleConnection(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (
    (cause?.code === "UND_ERR_SOCKET" && cause.message === "other side closed") ||
    cause?.code === "ECONNRESET"
  );
}
