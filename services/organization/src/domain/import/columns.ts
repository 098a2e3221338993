import type { TableRow, TableSpec } from "@grassroots/table-files";
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

/** How the division files are read: a code and a name column are required, kind and parent code optional. */
export const DIVISION_TABLE: TableSpec<DivisionColumn> = {
  columns: COLUMN_NAMES,
  required: ["code", "name"],
};

function kindOf(raw: string): Pick<DivisionRow, "kind" | "unknownKind"> {
  const value = raw.trim();
  if (!value) return {};
  const upper = value.toUpperCase();
  if ((ORG_UNIT_KINDS as readonly string[]).includes(upper)) return { kind: upper as OrgUnitKind };
  if (KIND_NAMES[value]) return { kind: KIND_NAMES[value] };
  return { unknownKind: value };
}

/** A division row from a row of the table (its cells by column). */
export function divisionRow({ line, cells }: TableRow<DivisionColumn>): DivisionRow {
  return {
    line,
    code: cells.code,
    name: cells.name,
    ...kindOf(cells.kind),
    parentCode: cells.parent_code || undefined,
  };
}
