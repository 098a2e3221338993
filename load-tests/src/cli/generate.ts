import { parseArgs } from "@grassroots/kit";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { SCALES } from "../generate/divisions";
import { drainMarkdown, generate } from "../generate/generator";
import { progress } from "../generate/progress";
import { startBench } from "../generate/suite";
import { extrapolate, generateMarkdown } from "../report/scale-report";

// node dist/cli/generate.js --scale city|province|national [--budget-minutes 10] [--write false]
// Starts the suite on throwaway databases, fills them at the scale through the services' own tools
// (bounded by the budget), reports counts, rates and the extrapolated full load, and drops it all.
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = (args.scale ?? "city") as keyof typeof SCALES;
  if (!SCALES[scale]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
  const budgetSeconds = Math.round(Number(args["budget-minutes"] ?? 10) * 60);
  const bench = await startBench();
  try {
    const result = await generate(bench, scale, budgetSeconds);
    const report = { generatedAt: new Date().toISOString(), ...result, extrapolation: extrapolate(result) };
    const markdown =
      generateMarkdown(report) +
      drainMarkdown(result.drain) +
      `\nLoad average (1, 5, 15 min) at the start: ${result.loadAverage.start}; at the end: ${result.loadAverage.end}.\n`;
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
