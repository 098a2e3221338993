import { callGateway, type GraphQLResult } from "@grassroots/testing";
import type { FuzzedMutation } from "./mutations";

// Sends one mutation's generated inputs through the gateway in concurrent batches and checks each
// answer (no 5xx, no INTERNAL_SERVER_ERROR, every error coded) and that refused calls wrote nothing.
//
// The write check, sound under concurrency: a batch whose calls were all refused must leave the
// owning service's fingerprint as it was before the batch. A batch with an accepted call (or a batch
// whose fingerprint moved) tells nothing about its refused calls, so those are sent again one at a
// time, once the service has settled, each between two fingerprints. A refused call answered with
// HTTP 400 was stopped by the gateway before execution (variable coercion, validation): no subgraph
// saw it, so it is not resent. A moved fingerprint around a lone refused call is retried once after
// settling (an event from an earlier accepted call may still have been landing) before it counts.

export interface Caller {
  gatewayUrl: string;
  /** The token for the n-th input (a role that may call the mutation). */
  tokenFor(n: number): string;
  fingerprint(service: string): Promise<string>;
  /** Waits until the service's database stops changing (the relay and consumers have caught up). */
  settle(service: string): Promise<void>;
}

export interface Failure {
  mutation: string;
  kind: string;
  variables: string;
  answer: string;
}

export interface Tally {
  mutation: string;
  service: string;
  tried: number;
  accepted: number;
  refused: Record<string, number>;
  /** Inputs with a problem (each counted once). */
  failed: number;
  /** Reproducers: up to five per kind of problem. */
  failures: Failure[];
  ms: number;
}

const clip = (text: string, n = 400) =>
  text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text;

/** What is wrong with one answer whatever the input: a 5xx, an internal error, an uncoded error. */
function answerProblems(res: GraphQLResult): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`HTTP ${res.status}`);
  for (const error of res.errors ?? []) {
    const code = error.extensions?.code;
    if (!code) problems.push("an error without extensions.code");
    else if (code === "INTERNAL_SERVER_ERROR") problems.push("INTERNAL_SERVER_ERROR");
  }
  if (!res.errors && res.status !== 200) problems.push(`HTTP ${res.status} without errors`);
  return problems;
}

export async function fuzzMutation(
  m: FuzzedMutation,
  inputs: Record<string, unknown>[],
  caller: Caller,
  batchSize: number,
): Promise<Tally> {
  const started = Date.now();
  const tally: Tally = {
    mutation: m.name,
    service: m.service,
    tried: 0,
    accepted: 0,
    refused: {},
    failed: 0,
    failures: [],
    ms: 0,
  };
  const failedInputs = new Set<Record<string, unknown>>();
  const fail = (kind: string, variables: Record<string, unknown>, res: GraphQLResult) => {
    failedInputs.add(variables);
    tally.failed = failedInputs.size;
    if (tally.failures.filter((f) => f.kind === kind).length >= 5) return; // enough reproducers of one kind
    tally.failures.push({
      mutation: m.name,
      kind,
      variables: clip(JSON.stringify(variables)),
      answer: clip(JSON.stringify({ status: res.status, errors: res.errors, data: res.data })),
    });
  };
  const call = async (n: number): Promise<GraphQLResult> => {
    try {
      return await callGateway(caller.gatewayUrl, m.document, inputs[n], caller.tokenFor(n), {
        "cache-control": "no-store",
      });
    } catch (error) {
      // A body that is no JSON (or a dropped connection) is an answer a client cannot read.
      return { status: 599, errors: [{ message: String(error) }] };
    }
  };
  /** A refused call sent alone between two fingerprints: true when it wrote (twice, to be sure). */
  const wroteAlone = async (n: number): Promise<GraphQLResult | undefined> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      await caller.settle(m.service);
      const before = await caller.fingerprint(m.service);
      const res = await call(n);
      if (!res.errors) return undefined; // accepted now (the state changed): nothing to check
      if ((await caller.fingerprint(m.service)) === before) return undefined;
      if (attempt === 1) return res;
    }
    return undefined;
  };

  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize).map((_, i) => start + i);
    const before = await caller.fingerprint(m.service);
    const answers = await Promise.all(batch.map(call));
    const refusedExecuted: number[] = [];
    answers.forEach((res, i) => {
      const n = batch[i];
      tally.tried++;
      for (const problem of answerProblems(res)) fail(problem, inputs[n], res);
      if (!res.errors) {
        tally.accepted++;
        return;
      }
      const codes = [...new Set(res.errors.map((e) => e.extensions?.code ?? "(none)"))].join("+");
      tally.refused[codes] = (tally.refused[codes] ?? 0) + 1;
      if (res.status === 200) refusedExecuted.push(n);
    });
    const allRefused = answers.every((res) => res.errors);
    if (allRefused && (await caller.fingerprint(m.service)) === before) continue;
    for (const n of refusedExecuted) {
      const res = await wroteAlone(n);
      if (res) fail("refused, yet the service's tables or outbox changed", inputs[n], res);
    }
    if (!allRefused) await caller.settle(m.service);
  }
  tally.ms = Date.now() - started;
  return tally;
}

/** The per-mutation table: inputs tried, accepted, refused by code, failures. */
export function formatTable(tallies: Tally[]): string {
  const rows = tallies.map((t) => [
    t.mutation,
    t.service,
    String(t.tried),
    String(t.accepted),
    Object.entries(t.refused)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(", "),
    String(t.failed),
    `${(t.ms / 1000).toFixed(1)} s`,
  ]);
  const header = ["mutation", "service", "tried", "accepted", "refused by code", "failures", "time"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(" | ");
  const total = (f: (t: Tally) => number) => String(tallies.reduce((s, t) => s + f(t), 0));
  return [
    line(header),
    widths.map((w) => "-".repeat(w)).join("-|-"),
    ...rows.map(line),
    line([
      `${tallies.length} mutations`,
      "",
      total((t) => t.tried),
      total((t) => t.accepted),
      "",
      total((t) => t.failed),
      `${(tallies.reduce((s, t) => s + t.ms, 0) / 1000).toFixed(0)} s`,
    ]),
  ].join("\n");
}
