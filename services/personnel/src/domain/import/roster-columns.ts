import type { TableSpec } from "@grassroots/table-files";
import type { EstablishmentStatus, StatisticianRole } from "../assignment";
import type { Gender, ProfessionalTitle } from "../statistician";

export type RosterColumn =
  | "seq"
  | "name"
  | "id_number"
  | "unit_code"
  | "role"
  | "establishment"
  | "start_date"
  | "gender"
  | "ethnicity"
  | "phone"
  | "education"
  | "title";

/**
 * Header names accepted for each column of a statistician roster (花名册), compared without spaces and
 * case: the English names, the Chinese ones bureaus' sheets use, and the gateway's roster export's own
 * (序号, 岗位类别, 编制情况, 到岗日期 …), so an exported roster imports back. 所在单位 and 在岗状态 are
 * ignored: the unit is found by its code, and a post's status follows from R7, never from the file.
 */
export const ROSTER_COLUMNS: Record<RosterColumn, readonly string[]> = {
  seq: ["序号", "no"],
  name: ["name", "姓名"],
  id_number: ["id_number", "身份证号", "身份证号码", "公民身份号码"],
  unit_code: ["unit_code", "单位代码", "统计用区划代码", "区划代码"],
  role: ["role", "岗位", "岗位类别", "角色"],
  establishment: ["establishment", "编制", "编制情况"],
  start_date: ["start_date", "到岗日期", "任职日期"],
  gender: ["gender", "性别"],
  ethnicity: ["ethnicity", "民族"],
  phone: ["phone", "联系电话", "手机", "手机号码"],
  education: ["education", "学历"],
  title: ["title", "职称"],
};

export const ROSTER_REQUIRED = [
  "name",
  "id_number",
  "unit_code",
  "role",
  "establishment",
  "start_date",
] as const;

export const ROSTER_TABLE: TableSpec<RosterColumn> = {
  columns: ROSTER_COLUMNS,
  required: ROSTER_REQUIRED,
  labels: { id_number: "ID number", unit_code: "unit code", start_date: "start date" },
};

/** How the report names a column: its usual Chinese header and the English one. */
export const COLUMN_WORDS: Record<RosterColumn, string> = {
  seq: "序号",
  name: "姓名 (name)",
  id_number: "身份证号 (id_number)",
  unit_code: "单位代码 (unit_code)",
  role: "岗位 (role)",
  establishment: "编制 (establishment)",
  start_date: "到岗日期 (start_date)",
  gender: "性别 (gender)",
  ethnicity: "民族 (ethnicity)",
  phone: "联系电话 (phone)",
  education: "学历 (education)",
  title: "职称 (title)",
};

/** The words a sheet may use for each value, beside the API's enum names (the export's words first). */
export const ROLE_WORDS: Record<string, StatisticianRole> = {
  专职: "FULL_TIME",
  专职统计员: "FULL_TIME",
  兼职: "PART_TIME",
  兼职统计员: "PART_TIME",
  联络员: "LIAISON",
  统计联络员: "LIAISON",
};

export const ESTABLISHMENT_WORDS: Record<string, EstablishmentStatus> = {
  在编: "IN_ESTABLISHMENT",
  编制内: "IN_ESTABLISHMENT",
  合同制: "CONTRACT",
  合同: "CONTRACT",
  公益性岗位: "PUBLIC_WELFARE_POST",
};

export const GENDER_WORDS: Record<string, Gender> = { 男: "MALE", 女: "FEMALE" };

export const TITLE_WORDS: Record<string, ProfessionalTitle> = {
  初级: "JUNIOR",
  中级: "INTERMEDIATE",
  副高级: "SENIOR",
  高级: "SENIOR",
  正高级: "PROFESSOR_LEVEL",
};
