import { runTool, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema, type CliConfig } from "../config";
import { createFinanceDataSource } from "../db/data-source";
import { SqlSeedReads } from "../db/repositories/seed.reads";
import { createServices } from "../db/services";
import { seedFinance } from "../domain/seed/seed";

const POLL_MS = 2000;
/** Polls in a row with the same counts before the projections count as filled (the relays may lag). */
const STABLE_POLLS = 3;

/** Waits (at most SEED_WAIT_SECONDS) until the org tree and the posts have arrived by events and stopped growing. */
async function waitForProjections(reads: SqlSeedReads, logger: Logger, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  let last = "";
  let stable = 0;
  while (Date.now() < deadline) {
    const { units, posts } = await reads.counts();
    const key = `${units}/${posts}`;
    stable = key === last ? stable + 1 : 0;
    last = key;
    logger.info(
      { units, posts },
      stable ? "waiting for the projections to settle" : "waiting for org units and posts",
    );
    if (units > 0 && stable >= STABLE_POLLS - 1) return true;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return false;
}

// pnpm seed: the sample finance data (programme, budget lines and payments, subsidy standards, tasks
// and claims) for the org tree and posts in the projections. Run with the suite up, after
// organization's and personnel's seeds. Running it again adds nothing.
runTool<typeof cliConfigSchema>(
  "seed",
  {
    service: "finance",
    configSchema: cliConfigSchema,
    createDataSource: (c) => createFinanceDataSource(c.DATABASE_URL, 2),
  },
  async (dataSource: DataSource, logger: Logger, config: CliConfig) => {
    const reads = new SqlSeedReads(dataSource);
    const filled = await waitForProjections(reads, logger, config.SEED_WAIT_SECONDS);
    if ((await reads.counts()).units === 0)
      throw new Error(
        `No org units arrived within ${config.SEED_WAIT_SECONDS} s: is organization seeded and this service running?`,
      );
    if (!filled) logger.warn("the projections did not settle in time; seeding with what is there");
    const report = await seedFinance(createServices(dataSource), reads);
    process.stdout.write(
      `finance seed: programmes ${report.programmes}, budget lines ${report.lines}, disbursements ${report.disbursements}, ` +
        `subsidy standards ${report.standards}, tasks ${report.tasks}, claims ${report.claims}\n`,
    );
  },
);
