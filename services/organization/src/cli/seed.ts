import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseDivisionCsv } from "../domain/import/csv";
import { seed } from "../domain/seed/seed";
import { createServices } from "../db/services";
import { parseArgs } from "@grassroots/kit";
import { formatImportReport } from "./report";
import { runTool } from "./run-tool";

/** The project root is four levels above dist/cli; the shared domain data is `../shared/domain` from there. */
const DEFAULT_FILE = resolve(__dirname, "../../../..", "../shared/domain/ordos-divisions.csv");

// pnpm seed [-- --file ordos-divisions.csv]: real divisions + ~900 sample villages + sample register
// counts + the sample 八有八化 standard with last year's and this year's sample assessments.
// Running it again changes nothing.
runTool("seed", async (dataSource, logger) => {
  const args = parseArgs(process.argv.slice(2));
  const file = args.file ?? DEFAULT_FILE;
  const rows = parseDivisionCsv(readFileSync(file, "utf8"));
  const { uow, clock } = createServices(dataSource);
  const report = await seed(uow, clock, rows, (done, total) => logger.info({ done, total }, "seed progress"));
  process.stdout.write(
    `${formatImportReport(report.divisions)}\n` +
      `sample register counts set: ${report.registerCountsSet}\n` +
      `sample standard loaded: ${report.standardLoaded ? "yes" : "already there"}\n` +
      `sample 八有八化 assessments recorded: ${report.standardization.assessments} (recognised: ${report.standardization.recognized})\n`,
  );
});
