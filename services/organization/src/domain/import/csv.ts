import { ORG_UNIT_KINDS, type OrgUnitKind } from "../org-unit";

/** One division row as read from a file: `code,name,kind,parent_code` (kind and parent_code optional). */
export interface DivisionRow {
  /** 1-based line in the file, for the report. */
  line: number;
  code: string;
  name: string;
  kind?: OrgUnitKind;
  /** A kind the file gave that is not one of ours; the row is rejected with it named. */
  unknownKind?: string;
  parentCode?: string;
  isSample?: boolean;
  postEstablished?: boolean;
  postEstablishedOn?: string;
}

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

/** Parses a division CSV with a header line naming at least `code` and `name`. */
export function parseDivisionCsv(text: string): DivisionRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = splitLine(lines[0] ?? "").map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col("code") < 0 || col("name") < 0) {
    throw new Error(
      `The CSV header must name the columns code,name[,kind,parent_code]; found "${lines[0] ?? ""}".`,
    );
  }
  const rows: DivisionRow[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (!raw.trim()) return;
    const cells = splitLine(raw);
    const cell = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? "") : "");
    const kind = cell("kind").toUpperCase();
    rows.push({
      line: i + 2,
      code: cell("code"),
      name: cell("name"),
      kind: (ORG_UNIT_KINDS as readonly string[]).includes(kind) ? (kind as OrgUnitKind) : undefined,
      unknownKind: kind && !(ORG_UNIT_KINDS as readonly string[]).includes(kind) ? kind : undefined,
      parentCode: cell("parent_code") || undefined,
    });
  });
  return rows;
}
