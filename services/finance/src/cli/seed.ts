import { runTool, waitUntilSettled, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema, type CliConfig } from "../config";
import { createFinanceDataSource } from "../db/data-source";
import { SqlSeedReads } from "../db/repositories/seed.reads";
import { createServices } from "../db/services";
import { seedFinance } from "../domain/seed/seed";

/**
 * Waits (at most SEED_WAIT_SECONDS) until the org tree and the posts have arrived by events and
 * stopped growing (three equal counts in a row: the relays may lag).
 */
async function waitForProjections(reads: SqlSeedReads, logger: Logger, seconds: number): Promise<boolean> {
  const orgAndPosts = async () => {
    const { units, posts } = await reads.counts();
    return { units, posts };
  };
  const { settled } = await waitUntilSettled(orgAndPosts, {
    ready: ({ units }) => units > 0,
    seconds,
    logger,
    waiting: "waiting for org units and posts",
    settling: "waiting for the projections to settle",
  });
  return settled;
}

// pnpm seed: the sample finance data (programme, budget lines and payments, subsidy standards, tasks
// and claims, most paid in a batch) for the org tree and posts in the projections. Run with the suite up, after
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
        `subsidy standards ${report.standards}, tasks ${report.tasks}, claims ${report.claims} (paid in batches: ${report.claimsPaid})\n`,
    );
  },
);
