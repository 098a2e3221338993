import { decodeIdentity, encodeIdentity, Headers } from "@grassroots/kit";
import { AuthMessages } from "../src/auth/verify-token";
import { INTERNAL_SECRET, startTestStack, type TestStack } from "./support/test-stack";

const RECEIVED = "{ received { headers { name value } authorization cookie } }";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const receivedHeaders = (body: { data?: Record<string, unknown> | null }) => {
  const received = body.data!.received as { headers: { name: string; value: string }[] };
  return Object.fromEntries(received.headers.map((h) => [h.name, h.value]));
};

describe("requests without a valid token", () => {
  test("no token: 401 UNAUTHENTICATED asking to sign in, and the subgraph is never called", async () => {
    const callsBefore = stack.subgraph.calls;
    const res = await stack.post(RECEIVED);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    // Development mode, yet no stack trace: a refused token is not a bug.
    expect(res.body.errors).toEqual([
      { message: AuthMessages.missing, extensions: { code: "UNAUTHENTICATED" } },
    ]);
    expect(res.body.data).toBeUndefined();
    expect(stack.subgraph.calls).toBe(callsBefore);
  });

  test("expired token: 401 UNAUTHENTICATED saying the session has expired", async () => {
    const res = await stack.post(RECEIVED, { token: await stack.token({ ttlSeconds: -60 }) });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]).toMatchObject({
      message: "Sign in again: your session has expired.",
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  test("token signed with another secret: 401 UNAUTHENTICATED", async () => {
    const forged = await stack.token({
      secret: "some-other-secret-that-is-long-enough-0123",
      roles: ["CITY_ADMIN"],
    });
    const res = await stack.post(RECEIVED, { token: forged });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]).toMatchObject({
      message: AuthMessages.invalid,
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  test("garbage in the Authorization header: 401 UNAUTHENTICATED", async () => {
    const res = await stack.post(RECEIVED, { headers: { authorization: "Bearer not.a.jwt" } });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  test("a role the platform does not know: 401 UNAUTHENTICATED", async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const res = await stack.post(RECEIVED, { token: await stack.token({ roles: ["SUPERUSER" as any] }) });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]).toMatchObject({ message: AuthMessages.incomplete });
  });
});

describe("what the subgraph receives", () => {
  test("the verified identity, the internal secret and the request id", async () => {
    const token = await stack.token({ sub: "clerk-7", roles: ["UNIT_CLERK"], org: "org-工业街道" });
    const res = await stack.post(RECEIVED, { token, headers: { [Headers.requestId]: "req-123" } });
    expect(res.status).toBe(200);
    const headers = receivedHeaders(res.body);
    expect(decodeIdentity(headers[Headers.identity])).toEqual({
      userId: "clerk-7",
      roles: ["UNIT_CLERK"],
      orgUnitId: "org-工业街道",
    });
    expect(headers[Headers.internalSecret]).toBe(INTERNAL_SECRET);
    expect(headers[Headers.requestId]).toBe("req-123");
    expect(res.headers.get(Headers.requestId)).toBe("req-123");
  });

  test("a client-sent x-grassroots-identity claiming CITY_ADMIN is replaced by the token's identity", async () => {
    const token = await stack.token({ sub: "clerk-7", roles: ["UNIT_CLERK"], org: "unit-1" });
    const spoofed = encodeIdentity({ userId: "mallory", roles: ["CITY_ADMIN"], orgUnitId: "city" });
    const res = await stack.post(RECEIVED, {
      token,
      headers: {
        [Headers.identity]: spoofed,
        [Headers.internalSecret]: "guessed-secret-0123456789",
        "x-grassroots-anything": "from the client",
        cookie: "session=abc",
      },
    });
    expect(res.status).toBe(200);
    const headers = receivedHeaders(res.body);
    expect(headers[Headers.identity]).not.toBe(spoofed);
    expect(decodeIdentity(headers[Headers.identity])).toEqual({
      userId: "clerk-7",
      roles: ["UNIT_CLERK"],
      orgUnitId: "unit-1",
    });
    expect(headers[Headers.internalSecret]).toBe(INTERNAL_SECRET);
    expect(Object.keys(headers).sort()).toEqual(
      [Headers.identity, Headers.internalSecret, Headers.requestId].sort(),
    );
    const received = res.body.data!.received as { authorization: string | null; cookie: string | null };
    expect(received.authorization).toBeNull();
    expect(received.cookie).toBeNull();
  });

  test("a request id that is not plain text is replaced by the request's trace id (#16)", async () => {
    const res = await stack.post(RECEIVED, {
      token: await stack.token(),
      headers: { [Headers.requestId]: "x".repeat(500) },
    });
    const headers = receivedHeaders(res.body);
    expect(headers[Headers.requestId]).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get(Headers.requestId)).toBe(headers[Headers.requestId]);
  });

  test("subgraph connections are kept alive and reused across requests", async () => {
    const token = await stack.token();
    await stack.post("{ units { id } }", { token });
    const opened = stack.subgraph.connections;
    for (let i = 0; i < 5; i++) await stack.post("{ units { id } }", { token });
    expect(stack.subgraph.connections).toBe(opened);
  });
});
