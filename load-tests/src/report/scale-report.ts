import type { GenerateResult } from "../generate/generator";

export interface Extrapolation {
  /** Share of the scale's org units and statisticians that were loaded. */
  unitsLoadedShare: number;
  statisticiansLoadedShare: number | null;
  /** Seconds each phase would take for the whole scale at the rate measured. */
  phaseSecondsAtFullScale: Record<string, number>;
  totalSecondsAtFullScale: number;
  /** Database size at full scale, from the bytes per unit and per statistician measured. */
  databaseBytesAtFullScale: Record<string, number>;
}

const units = (r: GenerateResult) => Object.values(r.counts.orgUnitsByDepth).reduce((a, b) => a + b, 0);
const scaleUnits = (r: GenerateResult) =>
  r.scale.cities + r.scale.counties + r.scale.townships + r.scale.villages;

export function extrapolate(r: GenerateResult): Extrapolation {
  const unitShare = units(r) / scaleUnits(r);
  const people = r.counts.statisticians;
  const peopleShare = people === null ? null : people / r.scale.statisticians;
  const phaseSecondsAtFullScale: Record<string, number> = {};
  for (const p of r.phases) {
    const share = p.phase.startsWith("organization")
      ? (p.total ? p.done / p.total : 1) * (p.total / Math.max(1, scaleUnits(r)))
      : peopleShare;
    const effective = p.phase.startsWith("organization")
      ? p.total
        ? p.done / scaleUnits(r)
        : unitShare
      : share;
    const failed = (p.errors?.length ?? 0) > 0 && p.done === 0;
    phaseSecondsAtFullScale[p.phase] =
      !failed && effective && effective > 0 ? Math.round(p.elapsedSeconds / effective) : NaN;
  }
  const databaseBytesAtFullScale: Record<string, number> = {};
  for (const [service, bytes] of Object.entries(r.counts.databaseBytes)) {
    const share = service === "organization" ? unitShare : (peopleShare ?? unitShare);
    databaseBytesAtFullScale[service] = share > 0 ? Math.round(bytes / share) : NaN;
  }
  return {
    unitsLoadedShare: Math.round(unitShare * 10000) / 10000,
    statisticiansLoadedShare: peopleShare === null ? null : Math.round(peopleShare * 10000) / 10000,
    phaseSecondsAtFullScale,
    totalSecondsAtFullScale: Object.values(phaseSecondsAtFullScale).reduce(
      (a, b) => a + (Number.isFinite(b) ? b : 0),
      0,
    ),
    databaseBytesAtFullScale,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const duration = (s: number) =>
  !Number.isFinite(s)
    ? "n/a"
    : s < 120
      ? `${s} s`
      : s < 7200
        ? `${(s / 60).toFixed(1)} min`
        : `${(s / 3600).toFixed(1)} h`;

export function generateMarkdown(
  report: GenerateResult & { generatedAt: string; extrapolation: Extrapolation },
): string {
  const { scale, counts, extrapolation: x } = report;
  const lines = [
    `## Data generation: ${scale.name} scale (${report.generatedAt})`,
    "",
    `Target: ${scale.cities} cities, ${scale.counties} county-level, ${scale.townships} township-level, ${scale.villages} village-level units, ~${scale.statisticians} statisticians. Budget ${report.budgetSeconds} s; took ${report.elapsedSeconds} s.`,
    "",
    `Loaded: ${Object.entries(counts.orgUnitsByDepth)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")} (${(x.unitsLoadedShare * 100).toFixed(1)}% of the units); ` +
      `${counts.statisticians ?? "-"} statisticians${x.statisticiansLoadedShare === null ? "" : ` (${(x.statisticiansLoadedShare * 100).toFixed(1)}%)`}, ` +
      `${counts.assignments ?? "-"} posts, ${counts.filings ?? "-"} filings, ${counts.sessions ?? "-"} sessions, ${counts.enrollments ?? "-"} enrolments, ${counts.certificates ?? "-"} certificates.`,
    "",
    "| phase | elapsed | done / total (tool's own count) | rate | stopped at budget | whole scale at this rate |",
    "|---|---|---|---|---|---|",
    ...report.phases.map(
      (p) =>
        `| ${p.phase} | ${p.elapsedSeconds} s | ${p.done} / ${p.total} | ${p.perSecond}/s | ${p.timedOut ? "yes" : "no"} | ${duration(x.phaseSecondsAtFullScale[p.phase])} |`,
    ),
    ...report.phases
      .filter((p) => p.errors?.length)
      .map((p) => `\n**${p.phase} failed:** ${p.errors.join("; ")}`),
    "",
    `Events: ${Object.entries(counts.events)
      .map(([s, e]) => `${s} published ${e.published}, handled ${e.handled}`)
      .join("; ")}.`,
    "",
    `Database size now: ${Object.entries(counts.databaseBytes)
      .map(([s, b]) => `${s} ${mb(b)}`)
      .join(
        ", ",
      )}; at full scale ≈ (upper bound: each database scaled by its share of units or statisticians) ${Object.entries(
      x.databaseBytesAtFullScale,
    )
      .map(([s, b]) => `${s} ${mb(b)}`)
      .join(", ")}. ` +
      `Whole load at the measured rates ≈ ${duration(x.totalSecondsAtFullScale)} (phases run one after another).`,
    "",
  ];
  return lines.join("\n");
}
