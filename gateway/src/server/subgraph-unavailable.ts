import { Kind, type DocumentNode, type FieldNode, type SelectionSetNode } from "graphql";

/** The code a client sees on every field a subgraph that could not be reached left empty. */
export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

/** At most this many errors per failed fetch: a 500-entity fetch names its first entities, not all. */
const MAX_ERRORS = 50;

export interface UnavailableError {
  message: string;
  path: (string | number)[];
  extensions: { code: typeof SERVICE_UNAVAILABLE; service: string };
}

const fieldsOf = (set: SelectionSetNode, typename?: string): FieldNode[] =>
  set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === "__typename" ? [] : [s];
    if (s.kind === Kind.INLINE_FRAGMENT) {
      const on = s.typeCondition?.name.value;
      return on && typename && on !== typename ? [] : fieldsOf(s.selectionSet, typename);
    }
    return [];
  });

const keyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * The errors that stand in for a subgraph's answer when it cannot be reached: one per field the fetch
 * asked for, each with its path in the fetch's own response (`_entities`, index, field — the gateway
 * turns that into the client's path), the service named in words and no host or port.
 */
export function unavailableErrors(
  service: string,
  document: DocumentNode | undefined,
  variables: Record<string, unknown> | undefined,
  cause: "unreachable" | "timeout" = "unreachable",
): UnavailableError[] {
  const what =
    cause === "timeout"
      ? `The ${service} service did not answer in time`
      : `The ${service} service cannot be reached right now`;
  const message = `${what}, so this field has no value. The rest of the answer is complete; try again in a moment.`;
  const error = (path: (string | number)[]): UnavailableError => ({
    message,
    path,
    extensions: { code: SERVICE_UNAVAILABLE, service },
  });
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [error([])];
  const paths: (string | number)[][] = [];
  for (const field of fieldsOf(operation.selectionSet)) {
    if (field.name.value !== "_entities") {
      paths.push([keyOf(field)]);
      continue;
    }
    const representations = Array.isArray(variables?.representations) ? variables.representations : [];
    representations.forEach((representation: unknown, index) => {
      const typename = (representation as { __typename?: unknown })?.__typename;
      const asked = field.selectionSet
        ? fieldsOf(field.selectionSet, typeof typename === "string" ? typename : undefined)
        : [];
      for (const entityField of asked) paths.push([keyOf(field), index, keyOf(entityField)]);
    });
  }
  return (paths.length ? paths : [[]]).slice(0, MAX_ERRORS).map(error);
}
