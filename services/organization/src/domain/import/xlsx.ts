import { parseXlsxTable } from "@grassroots/table-files";
import { DIVISION_TABLE, divisionRow, type DivisionRow } from "./columns";

/**
 * Reads division rows from an .xlsx workbook: the first sheet with a header row (by name, English or
 * Chinese, within its first rows; title rows above it are skipped) gives the rows below it. A row's
 * line is its sheet row number. Throws an Error naming the problem when the workbook cannot be read.
 */
export async function parseDivisionXlsx(data: Buffer): Promise<DivisionRow[]> {
  return (await parseXlsxTable(data, DIVISION_TABLE)).map(divisionRow);
}
