import {
  divisionRow,
  headerColumns,
  HEADER_REQUIREMENT,
  HEADER_SEARCH_ROWS,
  type DivisionRow,
} from "./columns";

export type { DivisionRow } from "./columns";

/** Splits one CSV line, honouring double quotes ("a,b" and "" escapes). */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/**
 * Parses a division CSV: the header is the first of the leading lines that names a code and a name
 * column (`code,name[,kind,parent_code]`, or the Chinese names in columns.ts); title lines above it are
 * skipped. Line numbers are the file's. Throws an Error naming the problem when there is no header.
 */
export function parseDivisionCsv(text: string): DivisionRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let headerAt = -1;
  let columns;
  for (let i = 0; i < Math.min(lines.length, HEADER_SEARCH_ROWS) && !columns; i++) {
    columns = headerColumns(splitLine(lines[i]));
    if (columns) headerAt = i;
  }
  if (!columns) {
    const first = (lines[0] ?? "").slice(0, 80);
    throw new Error(`it has no ${HEADER_REQUIREMENT}; its first line is "${first}"`);
  }
  const rows: DivisionRow[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const row = divisionRow(i + 1, columns, splitLine(lines[i]));
    if (row) rows.push(row);
  }
  return rows;
}
