import { OPERATIONS, type StepDef } from "../scenarios/definitions";
import { expand, extract, type Json, type Scope, type TemplateState } from "../scenarios/template";
import { post, type Caller, type Endpoint, type GraphQLResponse } from "./endpoint";

export function requestBody(
  step: StepDef,
  scope: Scope,
  state: TemplateState,
  overrides: Record<string, Json> = {},
) {
  const operation = OPERATIONS[step.operation];
  if (!operation) throw new Error(`unknown operation ${step.operation}`);
  return {
    query: operation.document,
    operationName: step.operation,
    variables: { ...(expand(step.variables, scope, state) as Record<string, Json>), ...overrides },
  };
}

/** Error codes of a response that are not accepted by the step (empty: a clean outcome). */
export function unacceptedErrors(
  response: Pick<GraphQLResponse, "status" | "errors">,
  step: StepDef,
): string[] {
  if (response.status !== 200) return [`HTTP ${response.status}`];
  return (response.errors ?? [])
    .map((e) => e.extensions?.code ?? "NO_CODE")
    .filter((code) => !(step.acceptErrors ?? []).includes(code));
}

/** Runs one step with fetch; returns the response and its captures, or throws naming what failed. */
export async function runStep(
  endpoint: Endpoint,
  caller: Caller,
  step: StepDef,
  scope: Scope,
  state: TemplateState,
  overrides: Record<string, Json> = {},
): Promise<{ response: GraphQLResponse; captures: Scope }> {
  const response = await post(endpoint, caller, requestBody(step, scope, state, overrides));
  const bad = unacceptedErrors(response, step);
  if (bad.length) {
    throw new Error(
      `${step.operation} on ${endpoint.label} failed (${bad.join(", ")}): ${response.errors?.[0]?.message ?? ""}`,
    );
  }
  const captures: Scope = {};
  for (const [name, path] of Object.entries(step.capture ?? {})) {
    const value = extract(response.data, path);
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
      throw new Error(`${step.operation}: nothing at ${path} for ${name} (has the generator run?)`);
    }
    captures[name] = value;
  }
  return { response, captures };
}

/** Setup: the steps in order, each seeing the previous ones' captures; returns the fixtures. */
export async function runSetup(
  endpoint: Endpoint,
  caller: Caller,
  steps: StepDef[],
  params: Scope,
  state: TemplateState,
): Promise<Scope> {
  const fixtures: Scope = {};
  for (const step of steps) {
    const { captures } = await runStep(endpoint, caller, step, { ...params, ...fixtures }, state);
    Object.assign(fixtures, captures);
  }
  return fixtures;
}
