import type { ImportReport } from "../domain/import/import-divisions";

/** The import report as plain text for a terminal. */
export function formatImportReport(report: ImportReport): string {
  const lines = [
    `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`,
    ...report.rejected.map((r) => `  rejected line ${r.line} (${r.code || "no code"}): ${r.reason}`),
  ];
  return lines.join("\n");
}
