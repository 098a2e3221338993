import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, getNamedType, isLeafType, type GraphQLArgument, type GraphQLSchema } from "graphql";

// Every mutation of the composed supergraph, with the subgraph that owns it (its @join__field) and an
// operation that passes each argument as a variable, so the fuzzer's values go through the gateway's
// own variable coercion before they reach the service.

export interface FuzzedMutation {
  name: string;
  /** The owning subgraph, lower-case as in subgraphs.json ("personnel"). */
  service: string;
  args: readonly GraphQLArgument[];
  /** `mutation Fuzz($input: X!) { name(input: $input) { __typename } }` */
  document: string;
}

export function loadSupergraph(): GraphQLSchema {
  return buildSchema(readFileSync(resolve(__dirname, "../../../supergraph.graphql"), "utf8"));
}

export function mutationsOf(schema: GraphQLSchema): FuzzedMutation[] {
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  return fields.map((field) => {
    const join = field.astNode?.directives?.find((d) => d.name.value === "join__field");
    const graph = join?.arguments?.find((a) => a.name.value === "graph")?.value;
    if (!graph || graph.kind !== "EnumValue") throw new Error(`${field.name} names no owning subgraph`);
    const declared = field.args.map((a) => `$${a.name}: ${a.type}`).join(", ");
    const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
    const selection = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
    const document =
      field.args.length > 0
        ? `mutation Fuzz(${declared}) { ${field.name}(${passed})${selection} }`
        : `mutation Fuzz { ${field.name}${selection} }`;
    return { name: field.name, service: graph.value.toLowerCase(), args: field.args, document };
  });
}
