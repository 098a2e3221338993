import { parseArgs, runTool, waitUntilSettled, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema, type CliConfig } from "../config";
import { createTrainingDataSource } from "../db/data-source";
import { SqlSeedReads } from "../db/repositories/seed.reads";
import { createServices } from "../db/services";
import { seedTraining } from "../domain/seed/seed";
import { seedTrainingInBulk } from "../db/seed-bulk/seed-in-bulk";

/**
 * Waits (at most SEED_WAIT_SECONDS) until the org tree and personnel's statisticians have arrived by
 * events and stopped growing (three equal counts in a row: personnel's relay may lag). Returns false
 * when time ran out; the seed then uses what is there.
 */
async function waitForProjections(reads: SqlSeedReads, logger: Logger, seconds: number): Promise<boolean> {
  const { settled } = await waitUntilSettled(() => reads.projectionCounts(), {
    ready: (counts) => counts.units > 0 && counts.assignments > 0,
    seconds,
    logger,
    waiting: "waiting for org units and statisticians to arrive by events",
    settling: "waiting for the projections to settle",
  });
  return settled;
}

// pnpm seed [-- --bulk true]: a year of sample training for the Ordos tree, or every city projected (the current year), drawn from the
// statisticians personnel's seed created. Run with the suite up (infra/suite-up.sh does, after
// organization's and personnel's seeds). Running it again changes nothing.
runTool<typeof cliConfigSchema>(
  "seed",
  {
    service: "training",
    configSchema: cliConfigSchema,
    createDataSource: (c) => createTrainingDataSource(c.DATABASE_URL, 2),
  },
  async (dataSource: DataSource, logger: Logger, config: CliConfig) => {
    const reads = new SqlSeedReads(dataSource);
    const filled = await waitForProjections(reads, logger, config.SEED_WAIT_SECONDS);
    const counts = await reads.projectionCounts();
    if (counts.units === 0)
      throw new Error(
        `No org units arrived within ${config.SEED_WAIT_SECONDS} s: is organization seeded and this service running?`,
      );
    if (!filled)
      logger.warn(
        counts,
        "the projections did not settle in time (is personnel seeded?); seeding with what is there",
      );
    const services = createServices(dataSource, {
      passRule: { minAttendancePercent: config.TRAINING_PASS_MIN_ATTENDANCE_PERCENT },
    });
    const onProgress = (done: number, total: number) => logger.info({ done, total }, "seed progress");
    // --bulk true: the same sessions and commands, staged in memory and written set-wise (db/seed-bulk).
    const report =
      parseArgs(process.argv.slice(2)).bulk === "true"
        ? await seedTrainingInBulk(dataSource, services, reads, onProgress)
        : await seedTraining(services, reads, onProgress);
    process.stdout.write(
      `training seed for ${report.year}: sessions created ${report.sessions}, already there ${report.alreadyThere}; ` +
        `enrolments ${report.enrollments}, results ${report.results}, certificates issued ${report.certificates}\n`,
    );
  },
);
