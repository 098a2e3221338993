import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, type GraphQLSchema } from "graphql";

// The operations a client can reach through the gateway, read from the composed supergraph: every
// query field, every mutation, and every field a service adds to another service's entity (a
// reference the gateway resolves across services). A new field lands here by itself, so the matrix
// fails until the policy table classifies it.

export function supergraph(): GraphQLSchema {
  const sdl = readFileSync(resolve(__dirname, "../../../supergraph.graphql"), "utf8");
  return buildSchema(sdl, { assumeValidSDL: true });
}

/** The graph a field is joined from (`@join__field(graph: X)`), lower case. */
const graphOf = (astNode: { directives?: readonly unknown[] } | undefined | null): string | undefined => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const join = (astNode?.directives as any[] | undefined)?.find((d) => d.name.value === "join__field");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const graph = join?.arguments?.find((a: any) => a.name.value === "graph")?.value?.value as
    string | undefined;
  return graph?.toLowerCase();
};

export interface SchemaOperation {
  operation: string;
  service: string;
}

export function schemaOperations(schema: GraphQLSchema = supergraph()): SchemaOperation[] {
  const ops: SchemaOperation[] = [];
  for (const [kind, type] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const)
    for (const f of Object.values(type!.getFields()))
      ops.push({ operation: `${kind}.${f.name}`, service: graphOf(f.astNode) ?? "?" });
  // entities joined by several graphs: the fields of every graph but the one that owns the most
  for (const type of Object.values(schema.getTypeMap())) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const joins = ((type.astNode as any)?.directives ?? []).filter((d: any) => d.name.value === "join__type");
    if (joins.length < 2 || !("getFields" in type) || ["Query", "Mutation"].includes(type.name)) continue;
    const fields = Object.values(type.getFields());
    const count = new Map<string, number>();
    for (const f of fields) {
      const g = graphOf(f.astNode);
      if (g) count.set(g, (count.get(g) ?? 0) + 1);
    }
    const owner = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const f of fields) {
      const g = graphOf(f.astNode);
      if (g && g !== owner) ops.push({ operation: `${type.name}.${f.name}`, service: g });
    }
  }
  return ops;
}
