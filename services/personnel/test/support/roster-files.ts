import { Workbook } from "exceljs";
import type { GraphQLResult } from "@grassroots/testing";
import type { Identity } from "@grassroots/kit";
import type { Harness } from "./harness";

export const IMPORT_ROSTER = `mutation ($input: ImportStatisticianRosterInput!) {
  importStatisticianRoster(input: $input) {
    dryRun registered appointed unchanged rejectedCount rejected { line unitCode name reason }
  } }`;

export interface RosterReport {
  dryRun: boolean;
  registered: number;
  appointed: number;
  unchanged: number;
  rejectedCount: number;
  rejected: { line: number; unitCode: string; name: string | null; reason: string }[];
}

/** A CSV roster: the lines as given, cells quoted where they hold a comma. */
export const csvOf = (lines: (string | number | null)[][]): string =>
  lines
    .map((cells) =>
      cells
        .map((c) =>
          c === null ? "" : /[",]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c),
        )
        .join(","),
    )
    .join("\n") + "\n";

/** The gateway's roster export's columns (gateway/src/exports/reports/roster.ts), in its order. */
export const EXPORT_COLUMNS = [
  "序号",
  "姓名",
  "性别",
  "民族",
  "身份证号",
  "联系电话",
  "学历",
  "职称",
  "所在单位",
  "单位代码",
  "岗位类别",
  "编制情况",
  "在岗状态",
  "到岗日期",
];

/**
 * An .xlsx built like the gateway's roster export: title, table number and 填报单位 rows above the
 * header, the data rows (unit codes as numbers, dates as date cells), the totals row and the note.
 */
export async function exportLikeWorkbook(rows: unknown[][]): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("花名册");
  sheet.addRow(["统计人员花名册"]);
  sheet.addRow(["表号：基统1表", null, null, "制定机关：鄂尔多斯市统计局"]);
  sheet.addRow(["填报单位：鄂尔多斯市统计局", null, null, "2026年6月30日", null, "单位：人"]);
  sheet.addRow(EXPORT_COLUMNS);
  for (const row of rows) sheet.addRow(row);
  sheet.addRow(["合计", `${rows.length}人`]);
  sheet.addRow(["注：每人每个现任岗位一行；未任岗位的登记人员占一行。"]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

export async function importRoster(
  h: Harness,
  who: Identity,
  input: { format: "CSV" | "XLSX"; content: string; dryRun?: boolean; requestId?: string },
): Promise<GraphQLResult<{ importStatisticianRoster: RosterReport }>> {
  return h.call<{ importStatisticianRoster: RosterReport }>(IMPORT_ROSTER, { input }, who);
}

/** The report of an import that must succeed. */
export async function reportOf(
  h: Harness,
  who: Identity,
  input: { format: "CSV" | "XLSX"; content: string; dryRun?: boolean; requestId?: string },
): Promise<RosterReport> {
  const result = await importRoster(h, who, input);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.importStatisticianRoster;
}
