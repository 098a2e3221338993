import autocannon from "autocannon";
import type { FlowDef, ScenarioDef } from "../scenarios/definitions";
import { extract, pickWeighted, type Json, type Scope, type TemplateState } from "../scenarios/template";
import type { Caller, Endpoint } from "./endpoint";
import { Samples, round, type LatencySummary } from "./stats";
import { requestBody, unacceptedErrors } from "./steps";

export interface RunOptions {
  endpoint: Endpoint;
  caller: Caller;
  flows: FlowDef[];
  /** Parameters and setup fixtures. */
  scope: Scope;
  connections: number;
  durationSeconds: number;
  /** At most this many flows are started (bounds every run in count as well as time). */
  maxIterations?: number;
  /** Open-loop arrival rate over all connections (requests per second); closed loop when absent. */
  rate?: number;
  state?: TemplateState;
}

export interface OperationResult {
  requests: number;
  errors: number;
  latencyMs: LatencySummary;
}

export interface RunResult {
  endpoint: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  /** Flows run to their end (every step clean or accepted). */
  iterations: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  /** HTTP status other than 200. */
  httpErrors: number;
  /** 200 with a GraphQL `errors` entry the step does not accept. */
  graphqlErrors: number;
  errorRate: number;
  /** Accepted outcomes by error code (e.g. CONFLICT in the burst). */
  accepted: Record<string, number>;
  /** Successful responses per operation (the burst's accepted writes). */
  succeeded: Record<string, number>;
  byOperation: Record<string, OperationResult>;
  errorSamples: string[];
  /** Connection errors and timeouts reported by autocannon. */
  transportErrors: number;
}

interface ConnectionState {
  flow?: FlowDef;
  step: number;
  captures: Scope;
  pendingOp?: string;
  pendingStatus?: number;
}

export function newState(): TemplateState {
  return { random: Math.random, counters: {}, salt: Math.floor(Math.random() * 1000) };
}

/**
 * Runs flows closed-loop with autocannon: each connection picks a flow by weight, sends its steps in
 * order (captures feed the next step), and starts over. Per-connection state lives in autocannon's
 * request context (its per-loop reset is switched off, since one request entry stands for every step).
 */
export async function runFlows(options: RunOptions): Promise<RunResult> {
  const state = options.state ?? newState();
  const headers = await options.endpoint.headersFor(options.caller);
  const url = new URL(options.endpoint.url);
  const overall = new Samples();
  const byOp = new Map<string, { samples: Samples; errors: number }>();
  const opStats = (op: string) => {
    let s = byOp.get(op);
    if (!s) byOp.set(op, (s = { samples: new Samples(), errors: 0 }));
    return s;
  };
  const result = {
    httpErrors: 0,
    graphqlErrors: 0,
    iterations: 0,
    accepted: {} as Record<string, number>,
    succeeded: {} as Record<string, number>,
    samples: [] as string[],
  };
  const limit = options.maxIterations ?? Infinity;
  const maxSteps = Math.max(...options.flows.map((f) => f.steps.length));

  const nextStep = (ctx: ConnectionState) => {
    if (!ctx.flow || ctx.step >= ctx.flow.steps.length) {
      ctx.flow = pickWeighted(options.flows, state.random);
      ctx.step = 0;
      ctx.captures = {};
    }
    return ctx.flow.steps[ctx.step];
  };

  const endFlow = (ctx: ConnectionState, completed: boolean) => {
    if (completed) result.iterations++;
    ctx.flow = undefined;
  };

  const autocannonOptions = {
    url: `${url.protocol}//${url.host}`,
    connections: options.connections,
    duration: options.durationSeconds,
    amount: Number.isFinite(limit) ? limit * maxSteps : undefined,
    timeout: 30,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: "POST",
        path: url.pathname,
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const ctx = context as unknown as ConnectionState;
          let step = nextStep(ctx);
          let body;
          try {
            body = requestBody(step, { ...options.scope, ...ctx.captures }, state);
          } catch (error) {
            // A capture the previous step did not deliver: count it and start another flow.
            if (result.samples.length < 10) result.samples.push(`template: ${(error as Error).message}`);
            endFlow(ctx, false);
            step = nextStep(ctx);
            body = requestBody(step, { ...options.scope }, state);
          }
          ctx.pendingOp = step.operation;
          return { ...req, method: "POST", headers: { ...headers }, body: JSON.stringify(body) };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          const ctx = context as unknown as ConnectionState;
          const flow = ctx.flow;
          if (!flow) return;
          const step = flow.steps[ctx.step];
          const stats = opStats(step.operation);
          ctx.pendingStatus = status;
          let parsed: { data?: Json; errors?: { message: string; extensions?: { code?: string } }[] } = {};
          try {
            parsed = JSON.parse(body);
          } catch {
            parsed = { errors: [{ message: `not JSON (HTTP ${status}): ${String(body).slice(0, 120)}` }] };
          }
          const bad = unacceptedErrors({ status, errors: parsed.errors }, step);
          if (bad.length) {
            if (status !== 200) result.httpErrors++;
            else result.graphqlErrors++;
            stats.errors++;
            if (result.samples.length < 10)
              result.samples.push(
                `${step.operation}: ${bad.join(",")} ${parsed.errors?.[0]?.message ?? ""}`.slice(0, 300),
              );
            endFlow(ctx, false);
            return;
          }
          if (parsed.errors?.length) {
            for (const e of parsed.errors) {
              const code = e.extensions?.code ?? "NO_CODE";
              result.accepted[code] = (result.accepted[code] ?? 0) + 1;
            }
            endFlow(ctx, true);
            return;
          }
          result.succeeded[step.operation] = (result.succeeded[step.operation] ?? 0) + 1;
          for (const [name, path] of Object.entries(step.capture ?? {})) {
            ctx.captures[name] = extract(parsed.data, path);
          }
          ctx.step++;
          if (ctx.step >= flow.steps.length) endFlow(ctx, true);
        },
      },
    ],
    setupClient: (client: any) => {
      const iterator = client.requestIterator;
      // One request entry serves every step of every flow: keep the connection's state across loops.
      iterator.resetContext = () => undefined;
      client.on("response", (_status: number, _bytes: number, durationMs: number) => {
        const ctx = iterator.context as ConnectionState;
        overall.add(durationMs);
        if (ctx.pendingOp) opStats(ctx.pendingOp).samples.add(durationMs);
      });
    },
  };

  // With `amount` autocannon ignores `duration`: the timer keeps the run bounded in time as well.
  let timer: NodeJS.Timeout | undefined;
  const outcome = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(autocannonOptions as any, (error: Error | null, done: autocannon.Result) =>
      error ? reject(error) : resolve(done),
    );
    timer = setTimeout(() => instance.stop(), options.durationSeconds * 1000 + 500);
  }).finally(() => clearTimeout(timer));
  const seconds = outcome.duration || options.durationSeconds;
  const requests = overall.count;
  const errors = result.httpErrors + result.graphqlErrors + outcome.errors + outcome.timeouts;
  return {
    endpoint: options.endpoint.label,
    connections: options.connections,
    durationSeconds: round(seconds, 2),
    requests,
    iterations: result.iterations,
    requestsPerSecond: round(requests / seconds, 1),
    latencyMs: overall.summary(),
    httpErrors: result.httpErrors,
    graphqlErrors: result.graphqlErrors,
    errorRate: requests ? round(errors / requests, 4) : 0,
    accepted: result.accepted,
    succeeded: result.succeeded,
    byOperation: Object.fromEntries(
      [...byOp].map(([op, s]) => [
        op,
        { requests: s.samples.count, errors: s.errors, latencyMs: s.samples.summary() },
      ]),
    ),
    errorSamples: result.samples,
    transportErrors: outcome.errors + outcome.timeouts,
  };
}

export type { ScenarioDef };
