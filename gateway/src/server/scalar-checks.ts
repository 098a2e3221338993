import { ScalarInputError, scalarChecks } from "@grassroots/kit";
import { GraphQLScalarType, Kind, type GraphQLSchema, type ValueNode } from "graphql";

/**
 * Gives the supergraph's custom scalars (opaque in a composed schema: any value passes) the kit's
 * real checks, so a malformed date in any service's argument is refused here, during the gateway's own
 * validation and variable coercion, as BAD_USER_INPUT naming the field — instead of travelling to a
 * subgraph whose HTTP 400 the gateway would report as an internal "400: Bad Request".
 */
export function installScalarChecks(schema: GraphQLSchema): void {
  for (const [name, check] of Object.entries(scalarChecks)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    const scalar = type as {
      parseValue: (value: unknown) => unknown;
      parseLiteral: (ast: ValueNode) => unknown;
    };
    scalar.parseValue = check;
    scalar.parseLiteral = (ast) => {
      if (ast.kind !== Kind.STRING) {
        throw new ScalarInputError(`A ${name} is written as text in double quotes, e.g. "2026-11-30".`);
      }
      return check(ast.value);
    };
  }
}
