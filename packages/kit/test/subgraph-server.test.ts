import { execFileSync } from "node:child_process";
import { Directive, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import {
  badInput,
  buildFederatedSchema,
  createLogger,
  encodeIdentity,
  Headers,
  startSubgraphServer,
  type Identity,
  type RunningServer,
} from "../src";

/** Local addresses of the listening TCP sockets of this machine (`ss -Hltn`). */
const listening = () =>
  execFileSync("ss", ["-Hltn"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim().split(/\s+/)[3])
    .filter(Boolean);

// The kit sits below @grassroots/testing, so this test calls the server with fetch itself.
const secret = "kit-test-internal-secret-0123";

async function callSubgraph<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  identity?: Identity,
  options: { secret?: string | null } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const given = options.secret === undefined ? secret : options.secret;
  if (given) headers[Headers.internalSecret] = given;
  if (identity) headers[Headers.identity] = encodeIdentity(identity);
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { ...body, status: res.status };
}

@ObjectType()
@Directive('@key(fields: "id")')
class Widget {
  @Field(() => ID) id: string;
}

@Resolver()
class WidgetResolver {
  @Query(() => Widget)
  widget(): Widget {
    return { id: "w1" };
  }

  @Query(() => Widget)
  badWidget(): Widget {
    throw badInput("Code 12 must have 12 digits.", "code");
  }

  @Query(() => Widget)
  brokenWidget(): Widget {
    throw new Error("database password is hunter2");
  }
}

const identity = { userId: "u1", roles: ["CITY_ADMIN" as const], orgUnitId: "city" };
const servers: RunningServer[] = [];

async function start(production: boolean, bodyLimitBytes?: number) {
  const schema = await buildFederatedSchema({ resolvers: [WidgetResolver] });
  const server = await startSubgraphServer({
    name: "widgets",
    bodyLimitBytes,
    port: 0,
    production,
    internalSecret: secret,
    schema,
    logger: createLogger("kit-test", "silent"),
    readiness: [{ name: "database", check: async () => undefined }],
    homePathOf: async () => "city/",
  });
  servers.push(server);
  return server;
}

afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe("subgraph server", () => {
  it("refuses a request without the internal secret (only the gateway may call)", async () => {
    const { url } = await start(false);
    const res = await callSubgraph(url, "{ widget { id } }", {}, identity, { secret: null });
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const wrong = await callSubgraph(url, "{ widget { id } }", {}, identity, { secret: "x".repeat(30) });
    expect(wrong.status).toBe(401);
  });

  it("#13: a body up to its limit is read (an import's base64 file); one over it is refused 413 BAD_USER_INPUT", async () => {
    const { url } = await start(false, 100_000);
    const padded = (n: number) => callSubgraph(url, `{ widget { id } }\n# ${"x".repeat(n)}`, {}, identity);
    expect((await padded(90_000)).data).toEqual({ widget: { id: "w1" } });
    const over = await padded(110_000);
    expect(over.status).toBe(413);
    expect(over.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers with an identity, and refuses root fields without one (UNAUTHENTICATED)", async () => {
    const { url } = await start(false);
    expect((await callSubgraph(url, "{ widget { id } }", {}, identity)).data).toEqual({
      widget: { id: "w1" },
    });
    const anonymous = await callSubgraph(url, "{ widget { id } }");
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("serves its federation SDL to the gateway without a user identity", async () => {
    const { url } = await start(false);
    const res = await callSubgraph<{ _service: { sdl: string } }>(url, "{ _service { sdl } }");
    expect(res.data?._service.sdl).toContain('@key(fields: "id")');
  });

  it("maps domain errors to a stable extensions.code with the field", async () => {
    const { url } = await start(true);
    const res = await callSubgraph(url, "{ badWidget { id } }", {}, identity);
    expect(res.errors?.[0]).toMatchObject({
      message: "Code 12 must have 12 digits.",
      extensions: { code: "BAD_USER_INPUT", field: "code" },
    });
  });

  it("in production hides unexpected errors behind a request id, with no stack trace", async () => {
    const { url } = await start(true);
    const res = await callSubgraph(url, "{ brokenWidget { id } }", {}, identity);
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(JSON.stringify(res)).not.toContain("hunter2");
    expect(JSON.stringify(res)).not.toContain("stacktrace");
    expect(error?.message).toMatch(/Quote request id [0-9a-f-]{36}/);
  });

  it("exposes live, ready and Prometheus metrics", async () => {
    const { port } = await start(false);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { database: "ok" } });
    const metrics = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${secret}` } })
    ).text();
    expect(metrics).toContain("http_request_duration_seconds");
    expect(metrics).toContain("process_resident_memory_bytes");
  });

  it("#10.9: /metrics needs the internal secret, and the server listens on loopback only", async () => {
    const { port } = await start(false);
    const base = `http://127.0.0.1:${port}`;
    const bare = await fetch(`${base}/metrics`);
    expect(bare.status).toBe(401);
    expect(await bare.text()).not.toContain("process_resident_memory_bytes");
    // Bound to loopback (HOST's default), not to every interface as before.
    expect(listening().some((l) => l.endsWith(`127.0.0.1:${port}`))).toBe(true);
    expect(listening().some((l) => l.endsWith(`0.0.0.0:${port}`) || l.endsWith(`*:${port}`))).toBe(false);
  });
});
