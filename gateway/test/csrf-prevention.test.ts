import { startTestStack, type TestStack } from "./support/test-stack";

let stack: TestStack;
let token: string;
beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token();
});
afterAll(() => stack?.stop());

const getQuery = (headers: Record<string, string>) =>
  fetch(`${stack.gateway.url}?query=${encodeURIComponent("{ units { id } }")}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });

describe("CSRF prevention", () => {
  test("a GET query without apollo-require-preflight or a JSON content-type is refused", async () => {
    const res = await getQuery({});
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    expect(stack.subgraph.calls).toBe(0);
  });

  test("a form-encoded POST is refused", async () => {
    const res = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" },
      body: "query=%7B+units+%7B+id+%7D+%7D",
    });
    expect(res.status).toBe(400);
    expect(stack.subgraph.calls).toBe(0);
  });

  test("a GET query with apollo-require-preflight is answered", async () => {
    const res = await getQuery({ "apollo-require-preflight": "true" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { units: unknown[] } }).data.units).toHaveLength(3);
  });
});
