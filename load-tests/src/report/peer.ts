import type { RunResult } from "../driver/runner";
import { median } from "../driver/stats";
import type { CpuResult } from "../measure/cpu";

/** One gateway's loads of one scenario in the alternation (ours, peer, ours, peer, …). */
export interface PeerSide {
  runs: RunResult[];
  cpu: CpuResult[];
}

export interface SideFigures {
  /** Mean over the side's loads. */
  requestsPerSecond: number;
  p95Ms: number | null;
  errors: number;
  /** CPU ms per answer of each process, over all of the side's loads (sum of CPU / sum of answers). */
  cpuMsPerAnswer: Record<string, number>;
  /** The gateway process that served the side: ours `gateway`, the peer's `peer`. */
  gatewayCpuMsPerAnswer: number | null;
  /** The five subgraphs' processes together. */
  subgraphsCpuMsPerAnswer: number | null;
  /** Every measured process but the load generator. */
  totalCpuMsPerAnswer: number | null;
}

export interface PeerFigures {
  ours: SideFigures;
  peer: SideFigures;
  /** Ours ÷ peer: above 1 we serve more answers per second. */
  throughputRatio: number | null;
  /** Ours ÷ peer: below 1 our p95 is lower. */
  p95Ratio: number | null;
  /** Ours ÷ peer, CPU of every process per answer: below 1 an answer through ours costs less. */
  cpuPerAnswerRatio: number | null;
}

export interface PeerScenarioReport {
  scenario: string;
  connections: number;
  secondsEach: number;
  /** The first step's answer (`data`) was deep-equal through both gateways for the same caller. */
  sameData: boolean;
  ours: PeerSide;
  peer: PeerSide;
  figures: PeerFigures;
}

export interface PeerReport {
  peer: string;
  /** Hive's deduplicateInflightRequests and ours SUBGRAPH_FETCH_SHARING during the run. */
  peerDeduplicates: boolean;
  oursShares: boolean;
  scenarios: PeerScenarioReport[];
}

const SUBGRAPHS = ["organization", "personnel", "training", "finance", "evaluation"];
const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;
const r3 = (n: number) => Math.round(n * 1000) / 1000;
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : r3(a / b);

function side(s: PeerSide, gatewayProcess: string): SideFigures {
  const loads = s.runs.length;
  const answers = s.runs.reduce((n, r) => n + r.requests, 0);
  const cpu: Record<string, number> = {};
  for (const c of s.cpu) for (const [name, ms] of Object.entries(c.cpuMs)) cpu[name] = (cpu[name] ?? 0) + ms;
  const per = (ms: number) => (answers ? r2(ms / answers) : 0);
  const cpuMsPerAnswer = Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, per(ms)]));
  const sum = (names: string[]) => names.reduce((n, name) => n + (cpu[name] ?? 0), 0);
  const measured = answers > 0 && s.cpu.length > 0;
  const p95s = s.runs.map((r) => r.latencyMs.p95).filter((p): p is number => p !== null);
  return {
    requestsPerSecond: loads ? r1(s.runs.reduce((n, r) => n + r.requestsPerSecond, 0) / loads) : 0,
    p95Ms: p95s.length ? r1(p95s.reduce((a, b) => a + b, 0) / p95s.length) : null,
    errors: s.runs.reduce((n, r) => n + r.httpErrors + r.graphqlErrors + r.transportErrors, 0),
    cpuMsPerAnswer,
    gatewayCpuMsPerAnswer: measured ? per(cpu[gatewayProcess] ?? 0) : null,
    subgraphsCpuMsPerAnswer: measured ? per(sum(SUBGRAPHS)) : null,
    totalCpuMsPerAnswer: measured
      ? per(sum(Object.keys(cpu).filter((name) => name !== "load generator")))
      : null,
  };
}

/** The figures of one scenario from both sides' loads: means, CPU per answer, ours ÷ peer ratios. */
export function peerFigures(ours: PeerSide, peer: PeerSide): PeerFigures {
  const o = side(ours, "gateway");
  const p = side(peer, "peer");
  return {
    ours: o,
    peer: p,
    throughputRatio: ratio(o.requestsPerSecond, p.requestsPerSecond),
    p95Ratio: ratio(o.p95Ms, p.p95Ms),
    cpuPerAnswerRatio: ratio(o.totalCpuMsPerAnswer, p.totalCpuMsPerAnswer),
  };
}

export interface PeerMedians {
  scenario: string;
  oursRps: number | null;
  peerRps: number | null;
  throughputRatio: number | null;
  oursP95Ms: number | null;
  peerP95Ms: number | null;
  p95Ratio: number | null;
  runs: number;
}

/** Medians over the bench's runs, per scenario. */
export function peerMedians(reports: (PeerReport | undefined)[]): PeerMedians[] {
  const all = reports.filter((r): r is PeerReport => !!r).flatMap((r) => r.scenarios);
  const names = [...new Set(all.map((s) => s.scenario))];
  const med = (xs: (number | null)[]) => median(xs.filter((x): x is number => x !== null));
  return names.map((scenario) => {
    const f = all.filter((s) => s.scenario === scenario).map((s) => s.figures);
    return {
      scenario,
      oursRps: med(f.map((x) => x.ours.requestsPerSecond)),
      peerRps: med(f.map((x) => x.peer.requestsPerSecond)),
      throughputRatio: med(f.map((x) => x.throughputRatio)),
      oursP95Ms: med(f.map((x) => x.ours.p95Ms)),
      peerP95Ms: med(f.map((x) => x.peer.p95Ms)),
      p95Ratio: med(f.map((x) => x.p95Ratio)),
      runs: f.length,
    };
  });
}

const fmt = (n: number | null | undefined, unit = "") =>
  n === null || n === undefined ? "–" : `${n}${unit}`;

/** The report's "peer" section: the medians table, then each run's figures and CPU per answer. */
export function peerSection(reports: (PeerReport | undefined)[]): string[] {
  const runs = reports.map((r, i) => ({ run: i + 1, report: r })).filter((x) => x.report);
  if (!runs.length) return [];
  const first = runs[0].report!;
  const lines = [
    "## Peer gateway (Hive Gateway, same run)",
    "",
    `The same scenarios through \`${first.peer}\` in its own process (src/peer/hive-gateway.ts), on the same ` +
      `supergraph and subgraph processes, alternating ours / peer (ours first). Peer de-duplicates identical ` +
      `in-flight subgraph queries: ${first.peerDeduplicates ? "yes" : "no"}; ours shares them ` +
      `(SUBGRAPH_FETCH_SHARING): ${first.oursShares ? "yes" : "no"}. Both past any response cache (ours gets ` +
      "`Cache-Control: no-cache`, the peer has none). Ratios are ours ÷ peer.",
    "",
    "| scenario | connections | ours req/s | peer req/s | throughput ours/peer | ours p95 ms | peer p95 ms | p95 ours/peer | runs |",
    "|---|---|---|---|---|---|---|---|---|",
    ...peerMedians(reports).map((m) => {
      const c = first.scenarios.find((s) => s.scenario === m.scenario)?.connections;
      return `| ${m.scenario} | ${fmt(c)} | ${fmt(m.oursRps)} | ${fmt(m.peerRps)} | **${fmt(m.throughputRatio)}** | ${fmt(m.oursP95Ms)} | ${fmt(m.peerP95Ms)} | ${fmt(m.p95Ratio)} | ${m.runs} |`;
    }),
    "",
    "Per run (means of the alternated loads; CPU ms per answer summed over each side's loads):",
    "",
    "| run | scenario | same data | loads each | ours req/s (loads) | peer req/s (loads) | ours errors | peer errors | gateway process CPU/answer ours / peer | subgraphs CPU/answer ours / peer | all processes CPU/answer ours / peer | CPU ours/peer |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const { run, report } of runs) {
    for (const s of report!.scenarios) {
      const f = s.figures;
      lines.push(
        `| ${run} | ${s.scenario} | ${s.sameData ? "yes" : "**NO**"} | ${s.ours.runs.length} × ${s.secondsEach} s | ${f.ours.requestsPerSecond} (${s.ours.runs.map((r) => r.requestsPerSecond).join(", ")}) | ${f.peer.requestsPerSecond} (${s.peer.runs.map((r) => r.requestsPerSecond).join(", ")}) | ${f.ours.errors} | ${f.peer.errors} | ${fmt(f.ours.gatewayCpuMsPerAnswer)} / ${fmt(f.peer.gatewayCpuMsPerAnswer)} | ${fmt(f.ours.subgraphsCpuMsPerAnswer)} / ${fmt(f.peer.subgraphsCpuMsPerAnswer)} | ${fmt(f.ours.totalCpuMsPerAnswer)} / ${fmt(f.peer.totalCpuMsPerAnswer)} | ${fmt(f.cpuPerAnswerRatio)} |`,
      );
    }
  }
  lines.push("");
  for (const s of first.scenarios) {
    const by = (x: SideFigures) =>
      Object.entries(x.cpuMsPerAnswer)
        .filter(([, ms]) => ms > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([name, ms]) => `${name} ${ms}`)
        .join(", ");
    lines.push(
      `\`${s.scenario}\` CPU ms per answer by process (run ${runs[0].run}): ours — ${by(s.figures.ours)}; peer — ${by(s.figures.peer)}.`,
      "",
    );
  }
  return lines;
}
