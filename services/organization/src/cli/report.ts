import type { ImportReport } from "../domain/commands/import-divisions";

/** The import report as plain text for a terminal. */
export function formatImportReport(report: ImportReport): string {
  const lines = [
    `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`,
    ...report.rejected.map((r) => `  rejected line ${r.line} (${r.code || "no code"}): ${r.reason}`),
  ];
  return lines.join("\n");
}

/** Exit code of an import: 0 when every row was applied (or unchanged), 2 when any row was rejected (1 is a failure). */
export const IMPORT_REJECTED_EXIT_CODE = 2;
export const exitCodeFor = (report: ImportReport): number =>
  report.rejected.length > 0 ? IMPORT_REJECTED_EXIT_CODE : 0;
