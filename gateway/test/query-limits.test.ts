import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { DEFAULT_LIST_SIZE, measureOperation } from "../src/limits/measure-operation";
import { startTestStack, type TestStack } from "./support/test-stack";

let stack: TestStack;
let token: string;
beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.token();
});
afterAll(() => stack?.stop());

/** `{ unit(id: "1") { parent { parent { … { id } } } } }` with `depth` levels of fields. */
const nested = (depth: number) =>
  `{ unit(id: "1") ${"{ parent ".repeat(depth - 2)}{ id }${" }".repeat(depth - 2)} }`;

const expectRefused = (res: Awaited<ReturnType<TestStack["post"]>>, message: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  expect(res.body.errors![0].message).toMatch(message);
};

describe("limits enforced by the gateway (defaults: depth 12, aliases 30, cost 5000)", () => {
  test("a query nested 12 levels deep is answered", async () => {
    const res = await stack.post(nested(12), { token });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  test("a query nested 13 levels deep is refused, naming the depth and the limit", async () => {
    const res = await stack.post(nested(13), { token });
    expectRefused(res, /nested 13 levels deep; the limit is 12/);
    expect(res.body.errors![0].extensions).toMatchObject({ limit: "MAX_DEPTH", max: 12, measured: 13 });
  });

  test("31 aliases are refused, naming the count and the limit", async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `a${i}: unit(id: "${i}") { id }`).join(" ");
    expectRefused(
      await stack.post(`query ManyAliases { ${fields} }`, { token }),
      /ManyAliases uses 31 aliases; the limit is 30/,
    );
  });

  test("30 aliases are answered", async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: unit(id: "${i}") { id }`).join(" ");
    const res = await stack.post(`{ ${fields} }`, { token });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  test("lists multiply cost: first 100 × first 100 is refused with the measured cost", async () => {
    const res = await stack.post("{ units(first: 100) { children(first: 100) { name } } }", { token });
    // children: 1 + 100 × 1; units: 1 + 100 × 101
    expectRefused(res, /would cost 10101 points; the limit is 5000/);
  });

  test("a page size given as a variable is counted with the variable's value", async () => {
    const query = "query Pages($n: Int!) { units(first: $n) { children(first: $n) { name } } }";
    expectRefused(
      await stack.post(query, { token, variables: { n: 100 } }),
      /Pages would cost 10101 points; the limit is 5000/,
    );
    const small = await stack.post(query, { token, variables: { n: 2 } });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  test("limits come from the environment", async () => {
    const strict = await startTestStack({ MAX_DEPTH: "3", MAX_ALIASES: "1", MAX_COST: "20" });
    try {
      const t = await strict.token();
      expectRefused(await strict.post(nested(4), { token: t }), /nested 4 levels deep; the limit is 3/);
      expectRefused(
        await strict.post('{ a: unit(id: "1") { id } b: unit(id: "2") { id } }', { token: t }),
        /2 aliases; the limit is 1/,
      );
      expectRefused(
        await strict.post("{ units { id name } }", { token: t }),
        /cost 21 points; the limit is 20/,
      );
    } finally {
      await strict.stop();
    }
  });
});

describe("measuring an operation", () => {
  const schema = buildSchema(`
    type Query {
      units(first: Int): [Unit!]!
      unit(id: ID!): Unit
      page(first: Int): UnitConnection!
      pageOf50(first: Int = 50): UnitConnection!
    }
    type Unit { id: ID! name: String! children: [Unit!]! parent: Unit }
    type UnitConnection { edges: [UnitEdge!]! totalCount: Int! }
    type UnitEdge { node: Unit! }
  `);
  const measure = (text: string, variables?: Record<string, unknown>) => {
    const document = parse(text);
    const operation = document.definitions.find(
      (d) => d.kind === "OperationDefinition",
    ) as OperationDefinitionNode;
    return measureOperation(schema, document, operation, variables);
  };

  test("a list without first/limit counts as the default page size", () => {
    expect(measure("{ unit(id: 1) { children { id } } }").cost).toBe(1 + (1 + DEFAULT_LIST_SIZE * 1));
  });

  test("a connection counts its page once, not again for its edges", () => {
    // page: 1 + 5 × (totalCount 1 + edges (1 + node (1 + id 1)))
    expect(measure("{ page(first: 5) { totalCount edges { node { id } } } }").cost).toBe(1 + 5 * (1 + 3));
  });

  test("a page size left out counts as the schema's default for it", () => {
    expect(measure("{ pageOf50 { totalCount } }").cost).toBe(1 + 50 * 1);
    expect(measure("{ pageOf50(first: 2) { totalCount } }").cost).toBe(1 + 2 * 1);
  });

  test("fragments are expanded wherever they are spread", () => {
    const m = measure(`
      { a: unit(id: 1) { ...U } b: unit(id: 2) { ...U } }
      fragment U on Unit { p: parent { parent { id } } }
    `);
    expect(m).toEqual({ depth: 4, aliases: 4, cost: 2 * (1 + 3) });
  });

  test("fragments spreading each other many times are measured quickly", () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Unit { parent { ...F${i + 1} ...F${i + 1} } }`,
    );
    const started = Date.now();
    const m = measure(`{ unit(id: 1) { ...F0 } } ${fragments.join(" ")} fragment F40 on Unit { id }`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(m.depth).toBe(42);
    expect(m.cost).toBeGreaterThan(2 ** 40);
  });

  test("introspection is not limited (the IDE needs it)", () => {
    expect(
      measure("{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }"),
    ).toEqual({
      depth: 0,
      aliases: 0,
      cost: 0,
    });
  });

  test("a variable page size uses the request's value, else its default, else the default page size", () => {
    const text = "query($n: Int = 3) { units(first: $n) { id } }";
    expect(measure(text).cost).toBe(1 + 3);
    expect(measure(text, { n: 50 }).cost).toBe(1 + 50);
    expect(measure("query($n: Int) { units(first: $n) { id } }").cost).toBe(1 + DEFAULT_LIST_SIZE);
  });
});
