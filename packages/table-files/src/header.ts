/**
 * The columns a table is read by: each column is found by any of its accepted header names (English or
 * Chinese), within the first rows of the file, so title rows above the header are skipped.
 */
export interface TableSpec<C extends string> {
  /** Header names accepted for each column, compared after trimming, lower-casing and removing spaces. */
  columns: Record<C, readonly string[]>;
  /** The columns a row must name to be the header (a data row is skipped when all of these are blank). */
  required: readonly C[];
  /** How the error message names a column (default: its key with "_" as a space). */
  labels?: Partial<Record<C, string>>;
}

/** One data row: its 1-based line in the file (an XLSX sheet's row number) and its cells, trimmed ("" when absent). */
export interface TableRow<C extends string> {
  line: number;
  cells: Record<C, string>;
}

/** How many leading lines or sheet rows are searched for the header (title rows come first). */
export const HEADER_SEARCH_ROWS = 20;

const normalise = (cell: string) => cell.replace(/\s+/g, "").toLowerCase();

export type ColumnIndex<C extends string> = Partial<Record<C, number>>;

const keys = <C extends string>(spec: TableSpec<C>) => Object.keys(spec.columns) as C[];

/** The columns a header row names, or undefined unless it names every required column. */
export function headerColumns<C extends string>(
  spec: TableSpec<C>,
  cells: readonly string[],
): ColumnIndex<C> | undefined {
  const index: ColumnIndex<C> = {};
  cells.forEach((cell, i) => {
    const name = normalise(cell);
    for (const column of keys(spec)) {
      if (index[column] === undefined && spec.columns[column].some((n) => normalise(n) === name)) {
        index[column] = i;
      }
    }
  });
  return spec.required.every((c) => index[c] !== undefined) ? index : undefined;
}

/** One data row from its cells; undefined for a blank row (every required cell empty). */
export function tableRow<C extends string>(
  spec: TableSpec<C>,
  line: number,
  columns: ColumnIndex<C>,
  cells: readonly string[],
): TableRow<C> | undefined {
  const row = {} as Record<C, string>;
  for (const column of keys(spec)) {
    const i = columns[column];
    row[column] = i === undefined ? "" : (cells[i] ?? "").trim();
  }
  if (spec.required.every((c) => !row[c])) return undefined;
  return { line, cells: row };
}

const joinAnd = (parts: string[]) =>
  parts.length <= 2 ? parts.join(" and ") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;

/** "an" before a vowel sound ("an ID number", "an establishment"), else "a" ("a unit code"). */
const article = (word: string) =>
  /^(?:[aeio]|u(?!ni))/i.test(word) || /^[AEFHILMNORSX][A-Z]/.test(word) ? "an" : "a";

/** What a file must hold, for the message that says it does not. */
export function headerRequirement<C extends string>(spec: TableSpec<C>): string {
  const label = (c: C) => spec.labels?.[c] ?? c.replace(/_/g, " ");
  const names = (c: C) => `(${spec.columns[c].join(", ")})`;
  const required = spec.required.map((c) => `${article(label(c))} ${label(c)} column ${names(c)}`);
  const optional = keys(spec)
    .filter((c) => !spec.required.includes(c))
    .map((c) => `${label(c)} ${names(c)}`);
  return (
    `header row naming ${joinAnd(required)} in its first ${HEADER_SEARCH_ROWS} rows` +
    (optional.length ? ` (optional: ${joinAnd(optional)})` : "")
  );
}

/**
 * The rows under the header of a table given as `count` rows of cells (`cellsAt(i)`, 0-based; line i + 1):
 * undefined when none of its first rows is a header. Blank rows are skipped.
 */
export function rowsUnderHeader<C extends string>(
  spec: TableSpec<C>,
  count: number,
  cellsAt: (i: number) => string[],
): TableRow<C>[] | undefined {
  for (let header = 0; header < Math.min(count, HEADER_SEARCH_ROWS); header++) {
    const columns = headerColumns(spec, cellsAt(header));
    if (!columns) continue;
    const rows: TableRow<C>[] = [];
    for (let i = header + 1; i < count; i++) {
      const row = tableRow(spec, i + 1, columns, cellsAt(i));
      if (row) rows.push(row);
    }
    return rows;
  }
  return undefined;
}
