import { createTokenVerifier } from "../src/auth/verify-token";
import { loadGatewayConfig } from "../src/config";
import { INTERNAL_SECRET, JWT_SECRET, startTestStack, type TestStack } from "./support/test-stack";

// Production verifies RS256 via JWKS; here the HS256 test verifier stands in so tokens can be minted.
let stack: TestStack;
beforeAll(async () => {
  const hs256 = createTokenVerifier(loadGatewayConfig({ NODE_ENV: "test", INTERNAL_SECRET, JWT_SECRET }));
  stack = await startTestStack(
    { NODE_ENV: "production", JWT_MODE: "jwks", JWKS_URL: "https://idp.invalid/jwks.json" },
    { verifyToken: hs256 },
  );
});
afterAll(() => stack?.stop());

describe("in production", () => {
  test("introspection is refused", async () => {
    const res = await stack.post("{ __schema { queryType { name } } }", { token: await stack.token() });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
  });

  test("errors carry no stack trace", async () => {
    const refused = await stack.post("{ units { id } }");
    expect(refused.body.errors?.[0].extensions).toEqual({ code: "UNAUTHENTICATED" });
    const invalid = await stack.post("{ nope }", { token: await stack.token() });
    expect(invalid.body.errors?.[0].extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
  });

  test("queries are answered", async () => {
    const res = await stack.post("{ units { id } }", { token: await stack.token() });
    expect(res.body).toEqual({ data: { units: [{ id: "u0" }, { id: "u1" }, { id: "u2" }] } });
  });
});
