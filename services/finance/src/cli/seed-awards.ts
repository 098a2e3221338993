import { runTool, waitUntilSettled, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema, type CliConfig } from "../config";
import { createFinanceDataSource } from "../db/data-source";
import { SqlSeedReads } from "../db/repositories/seed.reads";
import { createServices } from "../db/services";
import { AWARD_YEAR, seedAwards } from "../domain/seed/seed-awards";

/** Waits (at most SEED_WAIT_SECONDS) until every city's published results for the year have arrived by events. */
async function waitForResults(reads: SqlSeedReads, logger: Logger, seconds: number) {
  const { last } = await waitUntilSettled(() => reads.cityResults(AWARD_YEAR), {
    ready: ({ cities, withResults }) => cities > 0 && withResults === cities,
    seconds,
    logger,
    waiting: `waiting for the cities' assessment results of ${AWARD_YEAR} from evaluation`,
    settling: `waiting for the cities' assessment results of ${AWARD_YEAR} to settle`,
  });
  return last;
}

// pnpm seed-awards: after finance's and evaluation's seeds (suite-up runs it last), the sample
// programme's round of its last year computed from evaluation's published results, approved by a
// second actor and paid to every banner but one. Prints the year evaluation must publish with
// --print-year. Running it again changes nothing.
if (process.argv.includes("--print-year")) {
  process.stdout.write(`${AWARD_YEAR}\n`);
} else {
  runTool<typeof cliConfigSchema>(
    "seed-awards",
    {
      service: "finance",
      configSchema: cliConfigSchema,
      createDataSource: (c) => createFinanceDataSource(c.DATABASE_URL, 2),
    },
    async (dataSource: DataSource, logger: Logger, config: CliConfig) => {
      const reads = new SqlSeedReads(dataSource);
      const found = await waitForResults(reads, logger, config.SEED_WAIT_SECONDS);
      if (!found || found.withResults === 0)
        throw new Error(
          `No city's assessment results of ${AWARD_YEAR} arrived within ${config.SEED_WAIT_SECONDS} s: ` +
            `did evaluation's seed publish them (--assessment-years ${AWARD_YEAR}) and is this service running?`,
        );
      const report = await seedAwards(createServices(dataSource), await reads.cities());
      process.stdout.write(
        `finance award seed for ${report.year}: rounds ${report.rounds.map((r) => r.status).join(", ")}, award payments ${report.payments}\n`,
      );
    },
  );
}
