import ExcelJS from "exceljs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Cell, ExportTable, TableMeta } from "./report";
import { columnWidth } from "./text-width";

/** Who the table is for and when: the 填报单位 line. */
export interface Filing {
  unitName: string;
  date: string;
}

const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Streams one statistical table as an .xlsx: title, the 表号 / 制表机关 / 文号 block, 填报单位, date and
 * 单位, the frozen header row, rows committed as they come (a national roster never sits in memory),
 * the totals row and notes. Column widths come from the header and the first rows (CJK counted 2).
 */
export async function writeStatSheet(
  out: Writable,
  meta: TableMeta,
  table: ExportTable,
  filing: Filing,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "grassroots gateway";
  const n = table.columns.length;
  const headerRow = 6;
  const sheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: "frozen", ySplit: headerRow, xSplit: 0 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = table.columns.map((c, i) => ({
    width: columnWidth([c.header, ...table.firstRows.map((r) => text(r[i]))]),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));

  const last = Math.max(n, 3);
  const title = sheet.addRow([table.title]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center" };
  title.height = 28;
  sheet.mergeCells(1, 1, 1, last);
  title.commit();
  // The block statistical tables carry at the top right.
  for (const line of [
    `表号：${meta.tableNumber}`,
    `制表机关：${meta.issuer}`,
    `文号：${meta.documentNumber}`,
  ]) {
    const row = sheet.addRow([]);
    row.getCell(last).value = line;
    row.getCell(last).alignment = { horizontal: "right" };
    row.commit();
  }
  const filer = sheet.addRow([]);
  filer.getCell(1).value = `填报单位：${filing.unitName}`;
  filer.getCell(Math.max(2, Math.ceil(last / 2))).value = `日期：${filing.date}`;
  filer.getCell(last).value = `单位：${table.unit}`;
  filer.getCell(last).alignment = { horizontal: "right" };
  filer.commit();

  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
  });
  header.commit();

  const addRows = (rows: Cell[][]) => {
    for (const values of rows) {
      const row = sheet.addRow(values);
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
      row.commit();
    }
  };
  addRows(table.firstRows);
  if (table.moreRows) {
    for await (const page of table.moreRows()) {
      addRows(page);
      // A slow client holds the next page back instead of letting the file pile up in memory.
      if (out.writableNeedDrain) await once(out, "drain");
    }
  }
  if (table.totals) {
    const totals = sheet.addRow(table.totals());
    totals.font = { bold: true };
    totals.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
    totals.commit();
  }
  for (const note of table.notes) sheet.addRow([note]).commit();
  sheet.commit();
  await workbook.commit();
}

function text(value: Cell): string {
  return value === null ? "" : typeof value === "number" ? value.toFixed(2) : value;
}
