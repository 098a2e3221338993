import { readFileSync } from "node:fs";
import { parseDivisionCsv } from "../domain/import/csv";
import { importDivisions } from "../domain/import/import-divisions";
import { createServices } from "../db/services";
import { parseArgs } from "@grassroots/kit";
import { formatImportReport } from "./report";
import { runTool } from "./run-tool";

// pnpm import-divisions -- --file divisions.csv [--batch-size 200]
// CSV: code,name,kind,parent_code (kind and parent_code optional). Rejected rows are reported, not fatal.
runTool("import-divisions", async (dataSource, logger) => {
  const args = parseArgs(process.argv.slice(2));
  const file = args.file ?? args._;
  if (!file) throw new Error("Name the CSV file: import-divisions --file <path>");
  const rows = parseDivisionCsv(readFileSync(file, "utf8"));
  const { uow, clock } = createServices(dataSource);
  const report = await importDivisions(uow, clock, rows, {
    actor: "import-divisions",
    batchSize: args["batch-size"] ? Number(args["batch-size"]) : undefined,
    onProgress: (done, total) => logger.info({ done, total }, "import progress"),
  });
  process.stdout.write(`${formatImportReport(report)}\n`);
});
