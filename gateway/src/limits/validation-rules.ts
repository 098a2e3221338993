import { GraphQLError, type DocumentNode, type OperationDefinitionNode, type ValidationRule } from "graphql";
import { measureOperation, type OperationMeasures } from "./measure-operation";

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

// The three rules share one measurement per operation of a document.
const measured = new WeakMap<DocumentNode, Map<OperationDefinitionNode, OperationMeasures>>();

function measuresOf(
  ...[schema, document, operation]: Parameters<typeof measureOperation>
): OperationMeasures {
  let perDocument = measured.get(document);
  if (!perDocument) measured.set(document, (perDocument = new Map()));
  let m = perDocument.get(operation);
  if (!m) perDocument.set(operation, (m = measureOperation(schema, document, operation)));
  return m;
}

function limitRule(
  check: (m: OperationMeasures, operation: OperationDefinitionNode) => GraphQLError | undefined,
): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const error = check(measuresOf(context.getSchema(), context.getDocument(), operation), operation);
      if (error) context.reportError(error);
      return false;
    },
  });
}

export const operationLabel = (operation: OperationDefinitionNode) =>
  operation.name ? `Operation ${operation.name.value}` : "The query";

export const limitExceeded = (message: string, limit: string, max: number, measuredValue: number) =>
  new GraphQLError(message, { extensions: { limit, max, measured: measuredValue } });

export const costMessage = (label: string, cost: number, max: number) =>
  `${label} would cost ${cost} points; the limit is ${max}. ` +
  "Ask for fewer items (first/limit) or fewer nested lists.";

/** Max depth, max aliases and max cost as GraphQL validation rules, so they run before any subgraph call. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    limitRule((m, op) =>
      m.depth > limits.maxDepth
        ? limitExceeded(
            `${operationLabel(op)} is nested ${m.depth} levels deep; the limit is ${limits.maxDepth}.`,
            "MAX_DEPTH",
            limits.maxDepth,
            m.depth,
          )
        : undefined,
    ),
    limitRule((m, op) =>
      m.aliases > limits.maxAliases
        ? limitExceeded(
            `${operationLabel(op)} uses ${m.aliases} aliases; the limit is ${limits.maxAliases}.`,
            "MAX_ALIASES",
            limits.maxAliases,
            m.aliases,
          )
        : undefined,
    ),
    limitRule((m, op) =>
      m.cost > limits.maxCost
        ? limitExceeded(
            costMessage(operationLabel(op), m.cost, limits.maxCost),
            "MAX_COST",
            limits.maxCost,
            m.cost,
          )
        : undefined,
    ),
  ];
}
