import { rotatePersonalDataKey } from "../db/personal-data-rotation";
import { runTool } from "./run-tool";

// pnpm rotate-personal-data-key [-- --batch-size 200]: after PERSONAL_DATA_ACTIVE_KEY names a new key
// (and the service runs with it), re-encrypts every ID number and phone still under another key, while
// the service keeps running; then the old key can leave PERSONAL_DATA_KEYS. Prints what it did.
runTool("rotate-personal-data-key", async (dataSource, logger) => {
  const at = process.argv.indexOf("--batch-size");
  const batchSize = at > 0 ? Number(process.argv[at + 1]) : 200;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("--batch-size takes a whole number ≥ 1");
  const report = await rotatePersonalDataKey(dataSource, { batchSize });
  logger.info(report, "personal data re-encrypted");
  process.stdout.write(
    `re-encrypted ${report.values} values (${report.rows} statisticians) under key ${report.activeKeyId} ` +
      `in ${report.seconds.toFixed(1)} s; changed meanwhile and read again: ${report.raced}; ` +
      `still under another key: ${report.remaining}\n`,
  );
  if (report.remaining > 0) process.exitCode = 2;
});
