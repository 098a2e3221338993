import { parseArgs } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { settingsOf } from "../config";
import { createServices } from "../db/services";
import { seedStaff } from "../domain/seed/seed";
import { seedStaffInBulk } from "../db/seed-bulk/seed-in-bulk";
import { runTool } from "./run-tool";

/**
 * Personnel learns the org tree from organization's events, so the seed first waits until the
 * projection has settled: units present and nothing new handled for `--settle-seconds` (default 5),
 * at most `--wait-seconds` (default 90); a projection still growing then is seeded as it stands.
 */
async function waitForProjection(
  dataSource: DataSource,
  settleMs: number,
  timeoutMs: number,
  log: (msg: object) => void,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  let since = Date.now();
  for (;;) {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM org_unit) AS units, (SELECT count(*)::int FROM inbox) AS handled`,
    );
    const now = `${row.units}/${row.handled}`;
    if (now !== last) {
      last = now;
      since = Date.now();
      log({ units: row.units, eventsHandled: row.handled });
    } else if (row.units > 0 && Date.now() - since >= settleMs) {
      return row.units;
    }
    if (Date.now() > deadline) {
      if (row.units === 0)
        throw new Error(
          "personnel has received no org units: is the personnel service running and consuming organization's org-unit topic, and has organization been seeded?",
        );
      // As training's seed does: seed what is there; a later run adds the people of units projected since.
      log({ units: row.units, warning: `the org projection is still changing after ${timeoutMs / 1000} s` });
      return row.units;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

// pnpm seed [-- --settle-seconds 5 --wait-seconds 90 --bulk true]: sample statisticians, posts and filed filings for
// the units organization has published (run organization's seed first). Running it again adds only the
// people of units that have none yet (units added since) and changes nothing else, users' changes included.
runTool("seed", async (dataSource, logger, config) => {
  const args = parseArgs(process.argv.slice(2));
  const settle = Number(args["settle-seconds"] ?? 5) * 1000;
  const wait = Number(args["wait-seconds"] ?? 90) * 1000;
  await waitForProjection(dataSource, settle, wait, (m) => logger.info(m, "waiting for the org projection"));
  const services = createServices(dataSource, settingsOf(config));
  const onProgress = (done: number, total: number) => logger.info({ done, total }, "seed progress");
  // --bulk true: the same people and commands, staged in memory and written set-wise (db/seed-bulk).
  const report =
    args.bulk !== "true"
      ? await seedStaff(services, onProgress)
      : await seedStaffInBulk(dataSource, services, onProgress);
  process.stdout.write(
    `units with staffing rules: ${report.units}\n` +
      `sample statisticians: ${report.people} (already there: ${report.alreadyThere}; ` +
      `ID number held by someone else, skipped: ${report.idNumberTaken}; ` +
      `waiting for pre-post training: ${report.pendingTraining}; former, departed: ${report.former})\n`,
  );
});
