import { Workbook, type CellValue } from "exceljs";
import {
  divisionRow,
  headerColumns,
  HEADER_REQUIREMENT,
  HEADER_SEARCH_ROWS,
  type DivisionRow,
} from "./columns";
import { isZip, unpackedSize } from "./zip-check";

/** An .xlsx that unpacks to more than this is refused before it is read. */
export const XLSX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

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

/**
 * Reads division rows from an .xlsx workbook: the first sheet with a header row (by name, English or
 * Chinese, within its first rows; title rows above it are skipped) gives the rows below it. A row's
 * line is its sheet row number. Throws an Error naming the problem when the workbook cannot be read.
 */
export async function parseDivisionXlsx(data: Buffer): Promise<DivisionRow[]> {
  if (!isZip(data))
    throw new Error("it is not an .xlsx workbook (an .xlsx file is a zip archive starting with PK)");
  const size = unpackedSize(data);
  if (size > XLSX_MAX_UNPACKED_BYTES) {
    throw new Error(
      `it unpacks to ${(size / 1024 / 1024).toFixed(1)} MB, over the ${XLSX_MAX_UNPACKED_BYTES / 1024 / 1024} MB limit`,
    );
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new Error(`the workbook is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  for (const sheet of workbook.worksheets) {
    const last = sheet.rowCount;
    for (let header = 1; header <= Math.min(last, HEADER_SEARCH_ROWS); header++) {
      const columns = headerColumns(cells(sheet.getRow(header).values));
      if (!columns) continue;
      const rows: DivisionRow[] = [];
      for (let n = header + 1; n <= last; n++) {
        const row = divisionRow(n, columns, cells(sheet.getRow(n).values));
        if (row) rows.push(row);
      }
      return rows;
    }
  }
  const names = workbook.worksheets.map((s) => s.name).join(", ") || "none";
  throw new Error(`no sheet (${names}) has a ${HEADER_REQUIREMENT}`);
}
