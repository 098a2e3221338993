import { ORG_UNIT_KINDS, type OrgUnitKind } from "../org-unit";

/** One division row as read from a file (CSV or XLSX): code, name, and optionally kind and parent code. */
export interface DivisionRow {
  /** 1-based line in the file (for XLSX the sheet's row number), for the report. */
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

export type DivisionColumn = "code" | "name" | "kind" | "parent_code";

/**
 * Header names accepted for each column, compared after trimming, lower-casing and removing spaces.
 * The English names are the CSV's own; the Chinese ones are what bureaus' 区划代码 sheets use.
 * 城乡分类代码 (the NBS urban-rural class, e.g. 220 村庄) is not a unit kind and is ignored.
 */
export const COLUMN_NAMES: Record<DivisionColumn, readonly string[]> = {
  code: ["code", "代码", "统计用区划代码", "区划代码", "行政区划代码"],
  name: ["name", "名称", "单位名称", "区划名称"],
  kind: ["kind", "类型", "单位类型"],
  parent_code: ["parent_code", "上级代码", "上级区划代码"],
};

/** Kinds written in Chinese, as a bureau's sheet may give them; the enum names are accepted too. */
export const KIND_NAMES: Record<string, OrgUnitKind> = {
  市: "CITY",
  区: "DISTRICT",
  市辖区: "DISTRICT",
  旗: "BANNER",
  街道: "SUBDISTRICT",
  街道办事处: "SUBDISTRICT",
  镇: "TOWN",
  乡: "TOWNSHIP",
  苏木: "SUMU",
  园区: "PARK",
  开发区: "PARK",
  社区: "COMMUNITY",
  居委会: "COMMUNITY",
  社区居委会: "COMMUNITY",
  村: "VILLAGE",
  村委会: "VILLAGE",
  行政村: "VILLAGE",
  嘎查: "GACHA",
};

/** How many leading lines or sheet rows are searched for the header (title rows come first). */
export const HEADER_SEARCH_ROWS = 20;

const normalise = (cell: string) => cell.replace(/\s+/g, "").toLowerCase();

export type ColumnIndex = Partial<Record<DivisionColumn, number>>;

/** The columns a header row names, or undefined unless it names at least a code and a name column. */
export function headerColumns(cells: readonly string[]): ColumnIndex | undefined {
  const index: ColumnIndex = {};
  cells.forEach((cell, i) => {
    const name = normalise(cell);
    for (const column of Object.keys(COLUMN_NAMES) as DivisionColumn[]) {
      if (index[column] === undefined && COLUMN_NAMES[column].includes(name)) index[column] = i;
    }
  });
  return index.code !== undefined && index.name !== undefined ? index : undefined;
}

/** What a file must hold, for the message that says it does not. */
export const HEADER_REQUIREMENT =
  `header row naming a code column (${COLUMN_NAMES.code.join(", ")}) and a name column ` +
  `(${COLUMN_NAMES.name.join(", ")}) in its first ${HEADER_SEARCH_ROWS} rows (optional: kind ` +
  `(${COLUMN_NAMES.kind.join(", ")}) and parent code (${COLUMN_NAMES.parent_code.join(", ")}))`;

function kindOf(raw: string): Pick<DivisionRow, "kind" | "unknownKind"> {
  const value = raw.trim();
  if (!value) return {};
  const upper = value.toUpperCase();
  if ((ORG_UNIT_KINDS as readonly string[]).includes(upper)) return { kind: upper as OrgUnitKind };
  if (KIND_NAMES[value]) return { kind: KIND_NAMES[value] };
  return { unknownKind: value };
}

/** One data row from its cells; undefined for a blank row (no code and no name). */
export function divisionRow(
  line: number,
  columns: ColumnIndex,
  cells: readonly string[],
): DivisionRow | undefined {
  const cell = (column: DivisionColumn) => {
    const i = columns[column];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  if (!cell("code") && !cell("name")) return undefined;
  return {
    line,
    code: cell("code"),
    name: cell("name"),
    ...kindOf(cell("kind")),
    parentCode: cell("parent_code") || undefined,
  };
}
