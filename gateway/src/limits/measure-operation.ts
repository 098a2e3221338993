import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/** How big an operation is, measured on its text with every fragment spread expanded. */
export interface OperationMeasures {
  /** Deepest chain of nested fields; root fields are depth 1. */
  depth: number;
  aliases: number;
  /** Each field costs 1; a list field multiplies the cost of what is selected under it. */
  cost: number;
}

/** Assumed page size of a list or connection asked for without `first`/`limit`. */
export const DEFAULT_LIST_SIZE = 10;
const PAGE_ARGUMENTS = new Set(["first", "limit"]);
const ZERO: OperationMeasures = { depth: 0, aliases: 0, cost: 0 };

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  // Fragments are measured once each: a chain of fragments spreading each other twice would
  // otherwise take exponential time to walk.
  fragmentMeasures: Map<string, OperationMeasures>;
  inProgress: Set<string>;
}

/**
 * Measures one operation. `variables` are the request's values when known (after validation); during
 * validation only the variables' declared defaults are known, and a page size without one counts as
 * DEFAULT_LIST_SIZE.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const defaults: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue?.kind === Kind.INT) defaults[v.variable.name.value] = Number(v.defaultValue.value);
  }
  const walk: Walk = {
    schema,
    fragments,
    variables: { ...defaults, ...variables },
    fragmentMeasures: new Map(),
    inProgress: new Set(),
  };
  return measureSelectionSet(
    walk,
    operation.selectionSet,
    schema.getRootType(operation.operation) ?? undefined,
  );
}

function measureSelectionSet(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType | undefined,
): OperationMeasures {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let m: OperationMeasures;
    if (selection.kind === Kind.FIELD) {
      m = measureField(walk, selection, parentType);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? walk.schema.getType(selection.typeCondition.name.value)
        : parentType;
      m = measureSelectionSet(walk, selection.selectionSet, type ?? undefined);
    } else {
      m = measureFragment(walk, selection.name.value);
    }
    depth = Math.max(depth, m.depth);
    aliases += m.aliases;
    cost += m.cost;
  }
  return { depth, aliases, cost };
}

function measureFragment(walk: Walk, name: string): OperationMeasures {
  const known = walk.fragmentMeasures.get(name);
  if (known) return known;
  const fragment = walk.fragments.get(name);
  // Unknown or cyclic fragments are reported by graphql's own validation rules.
  if (!fragment || walk.inProgress.has(name)) return ZERO;
  walk.inProgress.add(name);
  const type = walk.schema.getType(fragment.typeCondition.name.value) ?? undefined;
  const m = measureSelectionSet(walk, fragment.selectionSet, type);
  walk.inProgress.delete(name);
  walk.fragmentMeasures.set(name, m);
  return m;
}

function measureField(
  walk: Walk,
  node: FieldNode,
  parentType: GraphQLNamedType | undefined,
): OperationMeasures {
  const alias = node.alias ? 1 : 0;
  const name = node.name.value;
  // Introspection is switched off in production and is what the IDE needs to work: not limited.
  if (name === "__schema" || name === "__type") return { depth: 0, aliases: alias, cost: 0 };
  if (name === "__typename") return { depth: 1, aliases: alias, cost: 0 };
  const field =
    parentType && (isObjectType(parentType) || isInterfaceType(parentType))
      ? parentType.getFields()[name]
      : undefined;
  const sub = node.selectionSet
    ? measureSelectionSet(walk, node.selectionSet, field ? getNamedType(field.type) : undefined)
    : ZERO;
  return {
    depth: 1 + sub.depth,
    aliases: alias + sub.aliases,
    cost: 1 + listMultiplier(walk, node, field, parentType) * sub.cost,
  };
}

/** How many items a field may return: its `first`/`limit` argument, or a default for lists and connections. */
function listMultiplier(
  walk: Walk,
  node: FieldNode,
  field: GraphQLField<unknown, unknown> | undefined,
  parentType: GraphQLNamedType | undefined,
): number {
  const pageArgument = node.arguments?.find((a) => PAGE_ARGUMENTS.has(a.name.value));
  if (pageArgument) return pageSize(walk, pageArgument.value) ?? DEFAULT_LIST_SIZE;
  if (!field) return 1;
  // `orgUnits(first: Int = 50)`: left out, the schema's default applies.
  const declared = field.args.find((a) => PAGE_ARGUMENTS.has(a.name) && typeof a.defaultValue === "number");
  if (declared) return declared.defaultValue as number;
  // `edges`/`nodes` of a connection: the connection field itself already counted the page.
  if (parentType?.name.endsWith("Connection")) return 1;
  const returnsList = isListType(getNullableType(field.type));
  return returnsList || getNamedType(field.type).name.endsWith("Connection") ? DEFAULT_LIST_SIZE : 1;
}

function pageSize(walk: Walk, value: ValueNode): number | undefined {
  let n: unknown;
  if (value.kind === Kind.INT) n = Number(value.value);
  else if (value.kind === Kind.VARIABLE) n = walk.variables[value.name.value];
  return typeof n === "number" && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : undefined;
}
