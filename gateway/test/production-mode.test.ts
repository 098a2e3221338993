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

  test("#10.4: no field, argument, type or enum suggestions disclose the schema", async () => {
    const token = await stack.token();
    const cases = [
      "{ unitz { id } }", // a field
      "{ units(frist: 2) { id } }", // an argument
      "query Q($i: PlanInputt!) { plan(input: $i) }", // a type
      "{ unit(id: 1) { nme } }", // a field on an object type
    ];
    for (const query of cases) {
      const res = await stack.post(query, { token });
      expect(res.body.errors?.length).toBeGreaterThan(0);
      for (const error of res.body.errors!) {
        expect(error.message).not.toMatch(/Did you mean/i);
        expect(error.message).not.toMatch(/"units"|"first"|"PlanInput"|"name"/);
      }
    }
  });

  test("queries are answered", async () => {
    const res = await stack.post("{ units { id } }", { token: await stack.token() });
    expect(res.body).toEqual({ data: { units: [{ id: "u0" }, { id: "u1" }, { id: "u2" }] } });
  });
});
