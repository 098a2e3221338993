import { startTestStack, type TestStack } from "./support/test-stack";

// #10.10: what an API behind a browser-based IDE should send with every answer.
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const post = (headers: Record<string, string> = {}, token?: string) =>
  fetch(`${stack.base}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query: "{ units { id } }" }),
  });

describe("#10.10 security headers", () => {
  it("a /graphql answer carries nosniff, no referrer, no framing and a CSP that loads nothing", async () => {
    for (const res of [await post({}, await stack.token()), await post()]) {
      expect([res.status, res.headers.get("x-content-type-options")]).toEqual([res.status, "nosniff"]);
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("behind TLS (X-Forwarded-Proto: https from the ingress) it adds HSTS", async () => {
    const res = await post({ "x-forwarded-proto": "https" }, await stack.token());
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("the IDE keeps its own CSP (its scripts and styles from the gateway), still never framed", async () => {
    const res = await fetch(`${stack.base}/ide`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
