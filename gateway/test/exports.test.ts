import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { formatMoney, percentOf, sumFen } from "@grassroots/kit/validation";
import { cellNumber, fenOfYuan, wanYuanText } from "../src/exports/money";
import { chinaToday, unitIdParam, yearParam } from "../src/exports/params";
import { ExportRefusal } from "../src/exports/report";
import { writeStatSheet } from "../src/exports/stat-sheet";
import { columnWidth, displayWidth } from "../src/exports/text-width";

// The pieces of the exports that need no running suite: exact money, widths, parameters, and the
// statistical block the sheet writer streams (read back with exceljs). The reports themselves, over
// real subgraphs, are in e2e/exports.e2e.test.ts.

describe("money in exports: integer fen, never float arithmetic", () => {
  it("yuan strings to fen and back", () => {
    expect(fenOfYuan("12345.67")).toBe(1234567n);
    expect(fenOfYuan("-0.05")).toBe(-5n);
    expect(formatMoney(1234567n)).toBe("12345.67");
    expect(formatMoney(-5n)).toBe("-0.05");
    for (const bad of ["12345.6", "12,345.67", "1e3", "", "12345.678"])
      expect(() => fenOfYuan(bad)).toThrow();
  });

  it("a total of many amounts is exact where a float sum is not", () => {
    const amounts = Array.from({ length: 10 }, () => "0.10");
    expect(amounts.reduce((s, a) => s + Number(a), 0)).not.toBe(1); // why the exports sum in fen
    expect(formatMoney(sumFen(amounts.map(fenOfYuan)))).toBe("1.00");
    expect(cellNumber(formatMoney(sumFen(amounts.map(fenOfYuan))))).toBe(1);
  });

  it("万元 rounds half away from zero on the exact fen", () => {
    expect(wanYuanText(fenOfYuan("12345.67"))).toBe("1.23");
    expect(wanYuanText(fenOfYuan("15000.00"))).toBe("1.50");
    expect(wanYuanText(fenOfYuan("14950.00"))).toBe("1.50");
    expect(wanYuanText(fenOfYuan("14949.99"))).toBe("1.49");
    expect(wanYuanText(fenOfYuan("10000000.00"))).toBe("1000.00");
    expect(wanYuanText(fenOfYuan("-14950.00"))).toBe("-1.50");
  });

  it("rates as finance computes them: hundredths of a percent, half up; none of nothing", () => {
    expect(percentOf(12345n, 20000n)).toBe("61.73");
    expect(percentOf(1n, 3n)).toBe("33.33");
    expect(percentOf(2n, 3n)).toBe("66.67");
    expect(percentOf(5n, 0n)).toBeNull();
  });
});

describe("column widths fit Chinese text", () => {
  it("counts a CJK character (and full-width punctuation) as two", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("达拉特旗")).toBe(8);
    expect(displayWidth("单位：人")).toBe(8);
    expect(displayWidth("150621100000")).toBe(12);
  });

  it("a column is as wide as its widest value plus a margin, within bounds", () => {
    expect(columnWidth(["姓名", "样例统计员271040011"])).toBe(10 + 9 + 2);
    expect(columnWidth(["序号"])).toBe(6);
    expect(columnWidth(["很".repeat(100)])).toBe(60);
  });
});

describe("export parameters are checked before any operation runs", () => {
  const q = (s: string) => new URLSearchParams(s);
  const refusal = (call: () => unknown) => {
    try {
      call();
    } catch (error) {
      return error as ExportRefusal;
    }
    throw new Error("not refused");
  };

  it("year: a four-digit year, the current one when absent", () => {
    expect(yearParam(q("year=2024"), 2026)).toBe(2024);
    expect(yearParam(q(""), 2026)).toBe(2026);
    for (const bad of ["24", "20x4", "1999", "2101", ""]) {
      const error = refusal(() => yearParam(q(`year=${bad}`), 2026));
      expect(error).toBeInstanceOf(ExportRefusal);
      expect([error.code, error.status]).toEqual(["BAD_USER_INPUT", 400]);
      expect(error.message).toMatch(/^Parameter year:/);
    }
  });

  it("unit id: an org unit's UUID, the caller's home unit when absent", () => {
    const home = "9d232031-4eaa-5f56-bd7c-665628deb70c";
    expect(unitIdParam(q(""), "unitId", home)).toBe(home);
    expect(unitIdParam(q(`unitId=${home.toUpperCase()}`), "unitId", "x")).toBe(home);
    const error = refusal(() => unitIdParam(q("unitId=150621000000"), "unitId", home));
    expect([error.code, error.status]).toEqual(["BAD_USER_INPUT", 400]);
    expect(error.message).toMatch(/^Parameter unitId:/);
  });

  it("business dates are China's", () => {
    expect(chinaToday(new Date("2026-12-31T16:30:00Z"))).toEqual({ year: 2027, text: "2027年1月1日" });
  });
});

describe("the statistical table block", () => {
  it("title, 表号/制表机关/文号, 填报单位/日期/单位, frozen header, rows, totals and notes, streamed", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await writeStatSheet(
      out,
      { tableNumber: "基统6表", issuer: "鄂尔多斯市统计局", documentNumber: "鄂统字〔2024〕1号" },
      {
        sheetName: "表",
        title: "测试表",
        unit: "万元",
        columns: [{ header: "单位名称" }, { header: "金额", numFmt: "#,##0.00" }],
        firstRows: [["达拉特旗", 1.23]],
        moreRows: async function* () {
          yield [["准格尔旗", 2.5]];
        },
        totals: () => ["合计", 3.73],
        notes: ["注：四舍五入。"],
      },
      { unitName: "鄂尔多斯市", date: "2026年12月1日" },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const row = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(sheet.getCell("A1").value).toBe("测试表");
    expect(row(2)).toContain("表号：基统6表");
    expect(row(3)).toContain("制表机关：鄂尔多斯市统计局");
    expect(row(4)).toContain("文号：鄂统字〔2024〕1号");
    expect(row(5).filter(Boolean)).toEqual(["填报单位：鄂尔多斯市", "日期：2026年12月1日", "单位：万元"]);
    expect(row(6)).toEqual(["单位名称", "金额"]);
    expect(row(7)).toEqual(["达拉特旗", 1.23]);
    expect(row(8)).toEqual(["准格尔旗", 2.5]);
    expect(row(9)).toEqual(["合计", 3.73]);
    expect(row(10)).toEqual(["注：四舍五入。"]);
    expect(sheet.getCell("B7").numFmt).toBe("#,##0.00");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(sheet.getColumn(1).width).toBe(columnWidth(["单位名称", "达拉特旗"]));
  });
});
