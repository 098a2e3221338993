import { parseCsvTable } from "@grassroots/table-files";
import { DIVISION_TABLE, divisionRow, type DivisionRow } from "./columns";

export type { DivisionRow } from "./columns";

/**
 * Parses a division CSV: the header is the first of the leading lines that names a code and a name
 * column (`code,name[,kind,parent_code]`, or the Chinese names in columns.ts); title lines above it are
 * skipped. Line numbers are the file's. Throws an Error naming the problem when there is no header.
 */
export function parseDivisionCsv(text: string): DivisionRow[] {
  return parseCsvTable(text, DIVISION_TABLE).map(divisionRow);
}
