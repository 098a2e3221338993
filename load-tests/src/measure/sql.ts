import { testEnv } from "@grassroots/testing";
import { Client } from "pg";
import { OPERATIONS, type ScenarioDef, type StepDef } from "../scenarios/definitions";
import type { Json, Scope, TemplateState } from "../scenarios/template";
import type { Caller, Endpoint } from "../driver/endpoint";
import { runStep } from "../driver/steps";

/**
 * SQL statements per GraphQL operation, from pg_stat_statements (preloaded by infra/postgres.sh,
 * readable by the admin role through pg_read_all_stats): the calls of every statement in each
 * service's database before and after the operation runs `reps` times in a row, nothing else running.
 * The outbox relay's own statements (polling, marking rows sent, its lock) are left out: they are not
 * the operation's. Statements in a database the operation's subgraphs do not own are event consumers
 * reacting to what a write published, reported apart.
 */

const RELAY =
  /FROM outbox WHERE sent_at IS NULL|UPDATE outbox SET sent_at|pg_try_advisory_lock|^LISTEN|pg_stat_statements|pg_database_size/i;

export class StatementCounter {
  private constructor(
    readonly admin: Client,
    private readonly databases: Record<string, string>,
  ) {}

  static async connect(databases: Record<string, string>): Promise<StatementCounter> {
    const admin = new Client({
      host: testEnv.pgHost,
      port: testEnv.pgPort,
      user: testEnv.pgUser,
      password: testEnv.pgPassword,
      database: "postgres",
      application_name: "load-tests-sql",
    });
    await admin.connect();
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_stat_statements'`,
    );
    if (!rows[0].n)
      throw new Error("pg_stat_statements is not installed in database postgres (run infra/up.sh)");
    return new StatementCounter(admin, databases);
  }

  /** Calls per (service, statement) now. */
  async snapshot(): Promise<Map<string, { service: string; calls: number; query: string }>> {
    const byName = Object.fromEntries(Object.entries(this.databases).map(([service, db]) => [db, service]));
    const { rows } = await this.admin.query(
      `SELECT d.datname, s.queryid::text AS queryid, sum(s.calls)::bigint AS calls, min(s.query) AS query
         FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = ANY($1) GROUP BY d.datname, s.queryid`,
      [Object.values(this.databases)],
    );
    const out = new Map<string, { service: string; calls: number; query: string }>();
    for (const r of rows) {
      if (RELAY.test(r.query)) continue;
      out.set(`${r.datname}:${r.queryid}`, {
        service: byName[r.datname],
        calls: Number(r.calls),
        query: r.query,
      });
    }
    return out;
  }

  static diff(
    before: Awaited<ReturnType<StatementCounter["snapshot"]>>,
    after: Awaited<ReturnType<StatementCounter["snapshot"]>>,
  ) {
    const perService: Record<string, number> = {};
    const statements: { service: string; calls: number; query: string }[] = [];
    for (const [key, now] of after) {
      const calls = now.calls - (before.get(key)?.calls ?? 0);
      if (calls <= 0) continue;
      perService[now.service] = (perService[now.service] ?? 0) + calls;
      statements.push({ service: now.service, calls, query: now.query.replace(/\s+/g, " ").slice(0, 600) });
    }
    statements.sort((a, b) => b.calls - a.calls);
    return { perService, statements };
  }

  async close(): Promise<void> {
    await this.admin.end();
  }
}

export interface StatementCount {
  operation: string;
  /** Statements per call in the databases of the subgraphs the operation's plan calls (median over the reps). */
  perCall: number;
  perService: Record<string, number>;
  /** Statements per call in other services' databases (event consumers reacting to a write). */
  consumersPerCall: number;
  reps: number;
  /** Statements of one call (the median rep), most frequent first, with their full text. */
  top: { service: string; perCall: number; query: string }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the steps `reps` times in a row and counts what each call made the databases do. Each figure
 * is the median over the reps, so a stray statement (a late response of an earlier load, a pool
 * reconnecting) does not move it.
 */
export async function countStatements(
  counter: StatementCounter,
  endpoint: Endpoint,
  caller: Caller,
  steps: StepDef[],
  scope: Scope,
  state: TemplateState,
  options: { reps: number; overrides?: Record<string, Json>; settleMs?: number },
): Promise<StatementCount[]> {
  const perRep = steps.map(() => [] as ReturnType<typeof StatementCounter.diff>[]);
  await sleep(300);
  for (let rep = 0; rep < options.reps; rep++) {
    const captures: Scope = {};
    for (const [i, step] of steps.entries()) {
      const before = await counter.snapshot();
      const { captures: got } = await runStep(
        endpoint,
        caller,
        step,
        { ...scope, ...captures },
        state,
        options.overrides,
      );
      Object.assign(captures, got);
      if (options.settleMs) await sleep(options.settleMs);
      perRep[i].push(StatementCounter.diff(before, await counter.snapshot()));
    }
  }
  return steps.map((step, i) => {
    const own = new Set(OPERATIONS[step.operation].subgraphs);
    const reps = perRep[i];
    const ownOf = (d: (typeof reps)[number]) =>
      Object.entries(d.perService)
        .filter(([s]) => own.has(s))
        .reduce((a, [, n]) => a + n, 0);
    const sorted = [...reps].sort((a, b) => ownOf(a) - ownOf(b));
    const mid = sorted[Math.floor((sorted.length - 1) / 2)];
    const services = new Set(reps.flatMap((d) => Object.keys(d.perService)));
    const perService = Object.fromEntries(
      [...services].map((s) => [s, medianOf(reps.map((d) => d.perService[s] ?? 0))]),
    );
    const consumersPerCall = medianOf(
      reps.map((d) =>
        Object.entries(d.perService)
          .filter(([s]) => !own.has(s))
          .reduce((a, [, n]) => a + n, 0),
      ),
    );
    return {
      operation: step.operation,
      perCall: ownOf(mid),
      perService,
      consumersPerCall,
      reps: options.reps,
      top: mid.statements.slice(0, 10).map((s) => ({ service: s.service, perCall: s.calls, query: s.query })),
    };
  });
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface ListSizeCheck {
  operation: string;
  small: {
    variables: Record<string, Json>;
    perCall: number;
    perService: Record<string, number>;
    top: StatementCount["top"];
  };
  large: {
    variables: Record<string, Json>;
    perCall: number;
    perService: Record<string, number>;
    top: StatementCount["top"];
  };
  /** The same number of statements at both sizes. */
  constant: boolean;
}

/** The list-size check of a scenario: each listed operation at the small and the large size. */
export async function checkListSizes(
  counter: StatementCounter,
  endpoint: Endpoint,
  caller: Caller,
  scenario: ScenarioDef,
  scope: Scope,
  state: TemplateState,
  reps = 5,
): Promise<ListSizeCheck[]> {
  const out: ListSizeCheck[] = [];
  for (const check of scenario.listSizes ?? []) {
    const step =
      scenario.flows.flatMap((f) => f.steps).find((s) => s.operation === check.operation) ??
      ({ operation: check.operation, variables: { ...check.small } } as StepDef);
    const [small] = await countStatements(counter, endpoint, caller, [step], scope, state, {
      reps,
      overrides: check.small,
    });
    const [large] = await countStatements(counter, endpoint, caller, [step], scope, state, {
      reps,
      overrides: check.large,
    });
    out.push({
      operation: check.operation,
      small: { variables: check.small, perCall: small.perCall, perService: small.perService, top: small.top },
      large: { variables: check.large, perCall: large.perCall, perService: large.perService, top: large.top },
      constant: small.perCall === large.perCall,
    });
  }
  return out;
}
