import { parseArgs, type Logger } from "@grassroots/kit";
import { readFileSync } from "node:fs";
import type { DataSource } from "typeorm";
import { createServices } from "../db/services";
import type { DivisionRow } from "../domain/import/columns";
import { parseDivisionCsv } from "../domain/import/csv";
import { importDivisions } from "../domain/commands/import-divisions";
import { progressMeter } from "../domain/import/import-progress";
import { parseDivisionXlsx } from "../domain/import/xlsx";
import { exitCodeFor, formatImportReport } from "./report";
import { runTool } from "./run-tool";

const USAGE =
  "import-divisions --file <divisions.csv|divisions.xlsx> [--dry-run] [--chunk-size 5000] [--row-by-row [--batch-size 200]]";

async function readRows(file: string): Promise<DivisionRow[]> {
  if (/\.xlsx$/i.test(file)) {
    return parseDivisionXlsx(readFileSync(file)).catch((error: Error) => {
      throw new Error(`${file} cannot be read: ${error.message}`);
    });
  }
  try {
    return parseDivisionCsv(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * The command: imports the file as the system (an operator's tool, every change audited as
 * "import-divisions"), prints the report, and returns the exit code: 0 when every row was applied,
 * 2 when any row was rejected. An unreadable file or a failure throws (the tool runner exits 1).
 */
export async function importDivisionsCommand(
  dataSource: DataSource,
  logger: Logger,
  argv: readonly string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<number> {
  const dryRun = argv.includes("--dry-run");
  const rowByRow = argv.includes("--row-by-row");
  const args = parseArgs(argv.filter((a) => a !== "--dry-run" && a !== "--row-by-row"));
  const file = args.file ?? args._;
  if (!file) throw new Error(`Name the file: ${USAGE}`);
  const rows = await readRows(file);
  const { uow, clock } = createServices(dataSource);
  const path = rowByRow ? "rows" : "bulk";
  const meter = progressMeter();
  logger.info({ rows: rows.length, path }, "import started");
  const report = await importDivisions(uow, clock, rows, {
    actor: "import-divisions",
    dryRun,
    path,
    batchSize: args["batch-size"] ? Number(args["batch-size"]) : undefined,
    chunkSize: args["chunk-size"] ? Number(args["chunk-size"]) : undefined,
    // Counts and rates only: the rows' codes and names stay out of the logs.
    onProgress: (done, total) => logger.info(meter(done, total), "import progress"),
  });
  write(`${dryRun ? "dry run, nothing written: " : ""}${formatImportReport(report)}\n`);
  return exitCodeFor(report);
}

// pnpm import-divisions -- --file divisions.csv [--dry-run] [--chunk-size 5000] [--row-by-row [--batch-size 200]]
// CSV or XLSX (by the file's extension), columns as in src/domain/import/columns.ts.
if (require.main === module) {
  runTool("import-divisions", async (dataSource, logger) => {
    process.exitCode = await importDivisionsCommand(dataSource, logger, process.argv.slice(2));
  });
}
