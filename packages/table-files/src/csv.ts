import { TableFileError } from "./errors";
import { headerRequirement, rowsUnderHeader, type TableRow, type TableSpec } from "./header";

/** Splits one CSV line, honouring double quotes ("a,b" and "" escapes); cells are trimmed. */
export function splitCsvLine(line: string): string[] {
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
 * Parses CSV text (a leading BOM dropped): the header is the first of the leading lines that names every
 * required column; title lines above it are skipped, blank lines below it too. Line numbers are the
 * file's. Throws a TableFileError whose message is the reason (a clause) when there is no header.
 */
export function parseCsvTable<C extends string>(text: string, spec: TableSpec<C>): TableRow<C>[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  // A blank line has no cells (so it is skipped as a blank row).
  const rows = rowsUnderHeader(spec, lines.length, (i) => (lines[i].trim() ? splitCsvLine(lines[i]) : []));
  if (rows) return rows;
  const first = (lines[0] ?? "").slice(0, 80);
  throw new TableFileError(`it has no ${headerRequirement(spec)}; its first line is "${first}"`);
}
