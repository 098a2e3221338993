import "reflect-metadata";
import { runTool, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema, type CliConfig } from "../config";
import { createEvaluationDataSource } from "../db/data-source";
import { SqlSeedReads } from "../db/repositories/seed.reads";
import { createServices } from "../db/services";
import { seedEvaluation } from "../domain/seed/seed";

const POLL_MS = 2000;
/** Polls in a row with the same count before the org projection counts as filled. */
const STABLE_POLLS = 3;

async function waitForUnits(reads: SqlSeedReads, logger: Logger, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let last = -1;
  let stable = 0;
  while (Date.now() < deadline) {
    const units = await reads.projectedUnits();
    stable = units === last ? stable + 1 : 0;
    last = units;
    logger.info({ units }, "waiting for org units to arrive by events");
    if (units > 0 && stable >= STABLE_POLLS - 1) return units;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return last;
}

// pnpm seed: last year's sample evaluation (sample schemes, meetings, inspections, the city's published
// assessment) for the org tree projected from organization's events. Run with the suite up, after
// organization's seed. Running it again changes nothing.
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
    const r = await seedEvaluation(createServices(dataSource), reads);
    process.stdout.write(
      `evaluation seed for ${r.year}: schemes ${r.schemes}, meetings ${r.meetings}, inspections ${r.inspections}, results published ${r.published}\n`,
    );
  },
);
