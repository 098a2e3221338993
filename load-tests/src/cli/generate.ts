import { parseArgs } from "@grassroots/kit";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { AT_SCALE_SCENARIOS, atScaleMarkdown, scenariosAtScale } from "../generate/at-scale";
import { SCALES } from "../generate/divisions";
import { drainMarkdown, generate } from "../generate/generator";
import { progress } from "../generate/progress";
import { startBench } from "../generate/suite";
import { extrapolate, generateMarkdown } from "../report/scale-report";

// node dist/cli/generate.js --scale city|province|national [--budget-minutes 10] [--write false]
//                           [--scenarios no|a,b] [--scenario-seconds 20]
// Starts the suite on throwaway databases, fills them at the scale through the services' own tools
// (bounded by the budget), reports counts, rates and the extrapolated full load; beyond the city, then
// runs the banner-clerk, staffing and dashboard scenarios on that data (src/generate/at-scale.ts); and
// drops it all.
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = (args.scale ?? "city") as keyof typeof SCALES;
  if (!SCALES[scale]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
  const budgetSeconds = Math.round(Number(args["budget-minutes"] ?? 10) * 60);
  const bench = await startBench();
  try {
    const result = await generate(bench, scale, budgetSeconds);
    const wanted =
      args.scenarios === "no" || (scale === "city" && !args.scenarios)
        ? []
        : (args.scenarios?.split(",") ?? [...AT_SCALE_SCENARIOS]);
    // A failure here still leaves the generate figures worth writing: it is reported with them.
    let atScaleError: string | undefined;
    const atScale = wanted.length
      ? await scenariosAtScale(bench, wanted, Number(args["scenario-seconds"] ?? 20)).catch((error) => {
          atScaleError = String(error instanceof Error ? (error.stack ?? error.message) : error);
          progress(`the scenarios at scale failed: ${atScaleError}`);
          return undefined;
        })
      : undefined;
    const report = {
      generatedAt: new Date().toISOString(),
      ...result,
      extrapolation: extrapolate(result),
      atScale,
      atScaleError,
    };
    const markdown =
      generateMarkdown(report) +
      drainMarkdown(result.drain) +
      `\nLoad average (1, 5, 15 min) at the start: ${result.loadAverage.start}; at the end: ${result.loadAverage.end}.\n` +
      (atScale ? atScaleMarkdown(atScale, result.counts.databaseBytes) : "") +
      (atScaleError ? `\nThe scenarios on this data failed: ${atScaleError.split("\n")[0]}\n` : "");
    if (args.write !== "false") {
      const base = resolve(__dirname, "../../reports", `generate-${scale}`);
      writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(`${base}.md`, markdown);
      progress(`wrote ${base}.json and .md`);
    }
    process.stdout.write(markdown);
  } finally {
    await bench.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
