import { Workbook, type CellValue } from "exceljs";
import { TableFileError } from "./errors";
import { headerRequirement, rowsUnderHeader, type TableRow, type TableSpec } from "./header";
import { isZip, unpackedSize, XLSX_MAX_UNPACKED_BYTES } from "./zip";

/** A cell as the text a clerk sees: numbers without exponent, formulas by their result, rich text joined. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("hyperlink" in value) return String(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    return value.result === undefined ? "" : cellText(value.result as CellValue);
  }
  if ("error" in value) return value.error;
  return "";
}

/** The cells of a row, 0-based (exceljs' row values start at index 1). */
function cells(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
    cellText(values[i + 1] as CellValue),
  );
}

function failure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads an .xlsx workbook: the first sheet with a header row (within its first rows; title rows above
 * it are skipped) gives the rows below it. A row's line is its sheet row number. Refuses an archive
 * that says it unpacks to more than 50 MB before inflating it. Throws a TableFileError whose message is
 * the reason (a clause) when the workbook cannot be read.
 */
export async function parseXlsxTable<C extends string>(
  data: Buffer,
  spec: TableSpec<C>,
): Promise<TableRow<C>[]> {
  if (!isZip(data))
    throw new TableFileError("it is not an .xlsx workbook (an .xlsx file is a zip archive starting with PK)");
  let size: number;
  try {
    size = unpackedSize(data);
  } catch (error) {
    throw new TableFileError(failure(error));
  }
  if (size > XLSX_MAX_UNPACKED_BYTES) {
    throw new TableFileError(
      `it unpacks to ${(size / 1024 / 1024).toFixed(1)} MB, over the ${XLSX_MAX_UNPACKED_BYTES / 1024 / 1024} MB limit`,
    );
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new TableFileError(`the workbook is damaged (${failure(error)})`);
  }
  for (const sheet of workbook.worksheets) {
    const rows = rowsUnderHeader(spec, sheet.rowCount, (i) => cells(sheet.getRow(i + 1).values));
    if (rows) return rows;
  }
  const names = workbook.worksheets.map((s) => s.name).join(", ") || "none";
  throw new TableFileError(`no sheet (${names}) has a ${headerRequirement(spec)}`);
}
