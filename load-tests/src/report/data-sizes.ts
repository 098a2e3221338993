import type { RunReport, ScenarioReport } from "../bench/city-run";
import type { TargetCheck } from "./report";

/**
 * The data-size checks in the report: one PASS/FAIL line per check (printed after the report; the
 * bench exits with 1 on a FAIL), the target row, and the scenario's table.
 */

const all = (runs: RunReport[]) =>
  runs.flatMap((r, i) =>
    r.scenarios.flatMap((s) => (s.dataSizes ?? []).map((c) => ({ run: i + 1, scenario: s.name, ...c }))),
  );

export function dataSizeLines(runs: RunReport[]): string[] {
  return all(runs).map(
    (c) =>
      `${c.constant ? "PASS" : "FAIL"} SQL statements constant in data size: run ${c.run} ${c.scenario}/${c.operation} ` +
      `${c.seeded.perCall} statements on the seeded city (${c.seeded.answerItems} list items in the answer), ` +
      `${c.grown.perCall} after the growth (${c.grown.answerItems})${c.grew ? "" : "; the answer did not grow, so the check proves nothing"}`,
  );
}

export function dataSizeTarget(runs: RunReport[]): TargetCheck | undefined {
  const checks = all(runs);
  if (!checks.length) return undefined;
  const growing = checks.filter((c) => !c.constant);
  return {
    target: "SQL statements constant in data size (banners, units, lines)",
    goal: "finance and evaluation scenarios",
    measured: checks
      .map(
        (c) =>
          `${c.operation} ${c.seeded.perCall} → ${c.grown.perCall} (items ${c.seeded.answerItems} → ${c.grown.answerItems})`,
      )
      .join("; "),
    verdict: growing.length || checks.some((c) => !c.grew) ? "MISS" : "PASS",
    by: growing
      .map((c) => `${c.scenario}/${c.operation} grows by ${c.grown.perCall - c.seeded.perCall}`)
      .join("; "),
  };
}

export function dataSizeSection(first: ScenarioReport, growth: RunReport["growth"]): string[] {
  if (!first.dataSizes?.length) return [];
  const lines = [
    "",
    `Data-size check (run 1): the same request on the seeded city, then after adding ${growth ? `${growth.banners} banners, ${growth.townships} townships and ${growth.villages ?? 0} villages in the parameter banner, ${growth.lines} budget lines with ${growth.payments} payments (${growth.elapsedSeconds} s, through the gateway)` : "data"}:`,
    "",
    "| operation | seeded: statements | list items | grown: statements | list items | by service (grown) | constant |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const c of first.dataSizes)
    lines.push(
      `| ${c.operation} | ${c.seeded.perCall} | ${c.seeded.answerItems} | ${c.grown.perCall} | ${c.grown.answerItems} | ${Object.entries(
        c.grown.perService,
      )
        .map(([s, n]) => `${s} ${n}`)
        .join(", ")} | ${c.constant ? "yes" : "**no**"} |`,
    );
  const c = first.dataSizes[0];
  lines.push(
    "",
    `Statements of one \`${c.operation}\` after the growth: ${c.grown.top.map((t) => `${t.service} ×${t.perCall} \`${t.query.slice(0, 160).replace(/\|/g, "/")}…\``).join("; ")}`,
  );
  return lines;
}
