import type { Caller, Endpoint } from "../driver/endpoint";
import { runStep } from "../driver/steps";
import { progress } from "../generate/progress";
import { countStatements, type StatementCount, type StatementCounter } from "../measure/sql";
import type { ScenarioDef, StepDef } from "../scenarios/definitions";
import type { Json, Scope, TemplateState } from "../scenarios/template";

/** What a scenario's data-size check needs from its run: who calls, with which fixtures. */
export interface ScenarioContext {
  scenario: ScenarioDef;
  caller: Caller;
  scope: Scope;
  state: TemplateState;
}

export interface DataSizeMeasure {
  perCall: number;
  perService: Record<string, number>;
  /** List items in one answer (every array element at any depth): how much data the answer holds. */
  answerItems: number;
  top: StatementCount["top"];
}

export interface DataSizeCheck {
  operation: string;
  seeded: DataSizeMeasure;
  grown: DataSizeMeasure;
  /** The same number of statements at both sizes (and the answer did grow). */
  constant: boolean;
  grew: boolean;
}

/** Every array element at any depth of an answer. */
export function answerItems(data: Json | undefined): number {
  if (Array.isArray(data)) return data.length + data.reduce<number>((n, x) => n + answerItems(x), 0);
  if (data && typeof data === "object")
    return Object.values(data).reduce<number>((n, x) => n + answerItems(x), 0);
  return 0;
}

const stepOf = (scenario: ScenarioDef, operation: string): StepDef => {
  const step = scenario.flows.flatMap((f) => f.steps).find((s) => s.operation === operation);
  if (!step) throw new Error(`${scenario.name}: dataSizes names ${operation}, which no flow sends`);
  return step;
};

/**
 * One operation's statements (the fewest of 5 calls, past the cache) and the size of its answer. The
 * fewest, not the median: what runs beside the call in the same database (a consumer retrying an
 * event) only adds statements, and a count that grows with the data grows in every call.
 */
export async function measureDataSize(
  counter: StatementCounter,
  endpoint: Endpoint,
  context: ScenarioContext,
  operation: string,
): Promise<DataSizeMeasure> {
  const step = stepOf(context.scenario, operation);
  const { response } = await runStep(endpoint, context.caller, step, context.scope, context.state);
  let count: StatementCount | undefined;
  for (let rep = 0; rep < 5; rep++) {
    const [one] = await countStatements(
      counter,
      endpoint,
      context.caller,
      [step],
      context.scope,
      context.state,
      {
        reps: 1,
      },
    );
    if (!count || one.perCall < count.perCall) count = one;
  }
  if (!count) throw new Error(`${operation}: not measured`);
  return {
    perCall: count.perCall,
    perService: count.perService,
    answerItems: answerItems(response.data),
    top: count.top,
  };
}

/**
 * The data-size check of every scenario that has one: each operation measured on the seeded data,
 * then `grow` (more banners, units and lines), then measured again. Returns the checks per scenario.
 */
export async function checkDataSizes<G>(
  counter: StatementCounter,
  endpoint: Endpoint,
  contexts: ScenarioContext[],
  grow: () => Promise<G>,
): Promise<{ growth: G; checks: Map<string, DataSizeCheck[]> }> {
  const seeded = new Map<string, DataSizeMeasure>();
  const key = (c: ScenarioContext, op: string) => `${c.scenario.name}/${op}`;
  for (const c of contexts)
    for (const { operation } of c.scenario.dataSizes ?? []) {
      progress(`${c.scenario.name}: ${operation}'s statements on the seeded data`);
      seeded.set(key(c, operation), await measureDataSize(counter, endpoint, c, operation));
    }
  const growth = await grow();
  const checks = new Map<string, DataSizeCheck[]>();
  for (const c of contexts) {
    const list: DataSizeCheck[] = [];
    for (const { operation } of c.scenario.dataSizes ?? []) {
      const before = seeded.get(key(c, operation))!;
      const after = await measureDataSize(counter, endpoint, c, operation);
      const check: DataSizeCheck = {
        operation,
        seeded: before,
        grown: after,
        constant: before.perCall === after.perCall,
        grew: after.answerItems > before.answerItems,
      };
      progress(
        `${check.constant ? "PASS" : "FAIL"} data size: ${c.scenario.name}/${operation} ${before.perCall} statements with ${before.answerItems} list items, ${after.perCall} with ${after.answerItems}${check.grew ? "" : " (the answer did not grow)"}`,
      );
      list.push(check);
    }
    checks.set(c.scenario.name, list);
  }
  return { growth, checks };
}
