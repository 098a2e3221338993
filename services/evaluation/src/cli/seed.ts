import "reflect-metadata";
import { parseArgs, runTool, waitUntilSettled, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema, type CliConfig } from "../config";
import { createEvaluationDataSource } from "../db/data-source";
import { SqlSeedReads } from "../db/repositories/seed.reads";
import { createServices } from "../db/services";
import { seedEvaluation } from "../domain/seed/seed";

/** The org units projected once their count stopped growing (three equal counts in a row), or the last count when time ran out. */
async function waitForUnits(reads: SqlSeedReads, logger: Logger, seconds: number): Promise<number> {
  const { last } = await waitUntilSettled(async () => ({ units: await reads.projectedUnits() }), {
    ready: ({ units }) => units > 0,
    seconds,
    logger,
    waiting: "waiting for org units to arrive by events",
    settling: "waiting for org units to arrive by events",
  });
  return last?.units ?? -1;
}

/** `--assessment-years 2024,2023`: further years whose city assessment is published. */
function assessmentYears(argv: string[]): number[] {
  const given = parseArgs(argv)["assessment-years"];
  if (!given) return [];
  const years = given.split(",").map((y) => Number(y.trim()));
  if (years.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100))
    throw new Error(`--assessment-years takes years such as 2024,2023; got "${given}"`);
  return years;
}

// pnpm seed [-- --assessment-years 2024]: last year's sample evaluation (sample schemes, meetings,
// inspections, the city's published assessment), this year's meetings and inspections, and the city's
// published assessment of the years given (suite-up passes finance's programme years) for the org
// tree projected from organization's events. Run with the suite up, after organization's seed.
// Running it again changes nothing.
runTool<typeof cliConfigSchema>(
  "seed",
  {
    service: "evaluation",
    configSchema: cliConfigSchema,
    createDataSource: (c) => createEvaluationDataSource(c.DATABASE_URL, 2),
  },
  async (dataSource: DataSource, logger: Logger, config: CliConfig) => {
    const reads = new SqlSeedReads(dataSource);
    if ((await waitForUnits(reads, logger, config.SEED_WAIT_SECONDS)) <= 0) {
      throw new Error(
        `No org units arrived within ${config.SEED_WAIT_SECONDS} s: is organization seeded and this service running?`,
      );
    }
    const years = assessmentYears(process.argv.slice(2));
    const r = await seedEvaluation(createServices(dataSource), reads, { assessmentYears: years });
    process.stdout.write(
      `evaluation seed for ${r.year} and ${r.thisYear}` +
        (r.assessmentYears.length ? ` (city assessment also for ${r.assessmentYears.join(", ")})` : "") +
        `: schemes ${r.schemes}, meetings ${r.meetings}, inspections ${r.inspections}, results published ${r.published}\n`,
    );
  },
);
