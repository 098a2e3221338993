import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { CACHE_CONTROL_SDL } from "./cache-hints";
import { requireIdentityOnRootFields } from "./require-identity";

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export type ReferenceResolvers = Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  { __resolveReference: (ref: any, ctx: any, info: any) => unknown }
>;

/**
 * type-graphql schema → SDL with directives → @apollo/subgraph (array form, see TOOLCHAIN.md).
 * Entity types carry `@Directive('@key(fields: "id")')`; their reference resolvers are passed here.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    validate: false,
    ...options,
    skipCheck: true,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${CACHE_CONTROL_SDL}\n${printSchemaWithDirectives(schema)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const resolvers = createResolversMap(schema) as Record<string, any>;
  requireIdentityOnRootFields(resolvers);
  for (const [typeName, resolver] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...resolver };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
