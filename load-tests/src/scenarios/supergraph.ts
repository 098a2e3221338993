import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { OPERATIONS } from "./definitions";

/**
 * The clients' view of gateway/supergraph.graphql (its API schema, federation directives removed), by
 * the same @apollo/federation-internals the gateway runs on (resolved through the gateway package, so
 * this package needs no GraphQL dependency of its own), and graphql's validation against it.
 */

const ROOT = resolve(__dirname, "../../..");
/** The few graphql functions used here (the package comes from the gateway's dependencies). */
interface Definition {
  kind: string;
  name?: { value: string };
}
interface GraphQL {
  parse(source: string): { definitions: Definition[] };
  validate(schema: unknown, document: unknown): { message: string }[];
}

function gatewayRequire() {
  return createRequire(require.resolve("@apollo/gateway", { paths: [resolve(ROOT, "gateway")] }));
}

export function loadApiSchema(supergraphPath = resolve(ROOT, "gateway/supergraph.graphql")) {
  const req = gatewayRequire();
  const internals = req("@apollo/federation-internals") as {
    Supergraph: { build(sdl: string): { apiSchema(): { toGraphQLJSSchema(): unknown } } };
  };
  const graphql = req("graphql") as GraphQL;
  const schema = internals.Supergraph.build(readFileSync(supergraphPath, "utf8"))
    .apiSchema()
    .toGraphQLJSSchema();
  return { schema, graphql };
}

/** Each operation's validation errors against the API schema (empty when it is valid). */
export function validateOperations(operations = OPERATIONS): Record<string, string[]> {
  const { schema, graphql } = loadApiSchema();
  const out: Record<string, string[]> = {};
  for (const [name, op] of Object.entries(operations)) {
    try {
      const document = graphql.parse(op.document);
      const errors = graphql.validate(schema, document).map((e) => e.message);
      const names = document.definitions
        .filter((d) => d.kind === "OperationDefinition")
        .map((d) => (d as { name?: { value: string } }).name?.value);
      if (names.length !== 1 || names[0] !== name)
        errors.push(`must hold exactly one operation, named ${name} (found ${names.join(", ")})`);
      out[name] = errors;
    } catch (error) {
      out[name] = [(error as Error).message];
    }
  }
  return out;
}

/** The gateway's own cost measure of an operation with its variables (its MAX_COST must be at least this). */
export function gatewayCost(operation: string, variables: Record<string, unknown>): number | null {
  try {
    const { schema, graphql } = loadApiSchema();
    const measure = gatewayRequire()(resolve(ROOT, "gateway/dist/limits/measure-operation.js")) as {
      measureOperation(
        schema: unknown,
        document: unknown,
        op: unknown,
        variables: Record<string, unknown>,
      ): { cost: number };
    };
    const document = graphql.parse(OPERATIONS[operation].document);
    const op = document.definitions.find((d) => d.kind === "OperationDefinition");
    return measure.measureOperation(schema, document, op, variables).cost;
  } catch {
    return null;
  }
}
