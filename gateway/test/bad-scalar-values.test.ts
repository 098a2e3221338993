import { startTestStack, type TestStack } from "./support/test-stack";

// #10.2: a malformed date is the caller's mistake, refused at the gateway as BAD_USER_INPUT naming
// the field, with a message a clerk can act on — never INTERNAL_SERVER_ERROR "400: Bad Request" with
// the real message and stack traces buried in the details.

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token();
});
afterAll(() => stack.stop());

type GqlError = { message: string; extensions?: Record<string, unknown> };

function expectClientError(errors: GqlError[] | undefined, message: RegExp, field?: string) {
  expect(errors).toHaveLength(1);
  const [error] = errors!;
  expect(error.extensions?.code).toBe("BAD_USER_INPUT");
  expect(error.message).toMatch(message);
  if (field) expect(error.extensions?.field).toBe(field);
  expect(JSON.stringify(error)).not.toMatch(/stacktrace|Bad Request|at .*\.js:\d+/);
}

describe("#10.2 malformed dates and scalar values through the gateway", () => {
  it.each([
    ["2026-02-30", /"2026-02-30" is not a date: February 2026 has days 01 to 28/],
    ["2026-13-01", /"2026-13-01" is not a date: there is no month 13/],
    ["30/11/2026", /"30\/11\/2026" is not written as YYYY-MM-DD: .* write "2026-11-30"/],
    ["", /"" is not a date: write it as YYYY-MM-DD/],
  ])(
    "a variable %p in a nested input is BAD_USER_INPUT naming input.startsOn; the subgraph is not called",
    async (value, message) => {
      const calls = stack.subgraph.calls;
      const res = await stack.post("query Plan($input: PlanInput!) { plan(input: $input) }", {
        token,
        variables: { input: { title: "综合业务培训", startsOn: value } },
      });
      expectClientError(res.body.errors, message, "input.startsOn");
      expect(res.body.errors![0].message).toMatch(/input\.startsOn/);
      expect(res.body.data ?? null).toBeNull();
      expect(stack.subgraph.calls).toBe(calls);
    },
  );

  it("a bad date written in the query itself is BAD_USER_INPUT too", async () => {
    const calls = stack.subgraph.calls;
    const res = await stack.post('{ day(on: "2026-02-30") }', { token });
    expectClientError(
      res.body.errors,
      /LocalDate.*"2026-02-30" is not a date: February 2026 has days 01 to 28/,
    );
    expect(stack.subgraph.calls).toBe(calls);
    const number = await stack.post("{ day(on: 20261130) }", { token });
    expectClientError(number.body.errors, /written as text in double quotes/);
  });

  it("a good date passes through to the subgraph unchanged (a leap day included)", async () => {
    const res = await stack.post("query D($on: LocalDate!) { day(on: $on) }", {
      token,
      variables: { on: "2028-02-29" },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ day: "2028-02-29" });
    const literal = await stack.post('{ plan(input: { title: "岗前培训", startsOn: "2026-11-30" }) }', {
      token,
    });
    expect(literal.body.data).toEqual({ plan: "岗前培训 on 2026-11-30" });
  });

  it("a value a subgraph's own scalar refuses (HTTP 400 from the subgraph) is BAD_USER_INPUT with its message", async () => {
    const res = await stack.post("query O($v: Opaque!) { opaque(value: $v) }", {
      token,
      variables: { v: "bad" },
    });
    expectClientError(res.body.errors, /Opaque refuses the value bad/);
    const good = await stack.post("query O($v: Opaque!) { opaque(value: $v) }", {
      token,
      variables: { v: "fine" },
    });
    expect(good.body.data).toEqual({ opaque: "fine" });
  });
});
