import { Workbook } from "exceljs";
import { readTable, splitCsvLine, TableFileError, type TableFormat } from "../src";

const SPEC = {
  columns: { code: ["code", "单位代码"], name: ["name", "姓名"], born: ["born", "出生日期"], note: ["备注"] },
  required: ["code", "name"] as const,
};

const read = (format: TableFormat, content: string) => readTable(format, content, SPEC);

/** The TableFileError a file is refused with (fails the test when it is accepted or fails otherwise). */
async function refusal(format: TableFormat, content: string): Promise<string> {
  const error = await read(format, content).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TableFileError)) throw new Error(`expected a TableFileError, got ${String(error)}`);
  return error.message;
}

async function workbookBase64(build: (wb: Workbook) => void): Promise<string> {
  const workbook = new Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

const HEADER_NEEDED =
  "header row naming a code column (code, 单位代码) and a name column (name, 姓名) in its first 20 rows " +
  "(optional: born (born, 出生日期) and note (备注))";

describe("#13: reading a table file", () => {
  it("#13: CSV cells honour quotes (commas and doubled quotes inside) and are trimmed", () => {
    expect(splitCsvLine(' a , "b,c" ,"say ""hi""",')).toEqual(["a", "b,c", 'say "hi"', ""]);
  });

  it("#13: a CSV with a BOM, title lines and Chinese headers gives the rows under the header by their file lines", async () => {
    const csv =
      '\uFEFF花名册,,\n填报单位：鄂托克旗,,\n单位代码, 姓 名 ,备注\n150624,"张三, 副",x\n\n,,\n150625,李四,\n';
    expect(await read("CSV", csv)).toEqual({
      rows: [
        { line: 4, cells: { code: "150624", name: "张三, 副", born: "", note: "x" } },
        { line: 7, cells: { code: "150625", name: "李四", born: "", note: "" } },
      ],
    });
  });

  it("#13: an XLSX with title rows reads numbers without exponent, dates as YYYY-MM-DD and formulas by their result", async () => {
    const content = await workbookBase64((wb) => {
      const sheet = wb.addWorksheet("花名册");
      sheet.addRow(["统计人员花名册"]);
      sheet.addRow(["表号：统基1表"]);
      sheet.addRow(["code", "name", "出生日期", "备注"]);
      sheet.addRow([
        150621100201,
        { richText: [{ text: "王" }, { text: "五" }] },
        new Date(Date.UTC(1985, 4, 6)),
        2.5,
      ]);
      sheet.addRow(["150622", "赵六", null, { formula: "1+1", result: 2 }]);
    });
    expect(await read("XLSX", content)).toEqual({
      rows: [
        { line: 4, cells: { code: "150621100201", name: "王五", born: "1985-05-06", note: "2.5" } },
        { line: 5, cells: { code: "150622", name: "赵六", born: "", note: "2" } },
      ],
    });
    expect((await read("XLSX", `data:application/vnd.ms-excel;base64,${content}`)).rows).toHaveLength(2);
  });

  it("#13: a file with no header in its first rows is refused naming the columns it needs", async () => {
    expect(await refusal("CSV", "编号,人名\n1,张三\n")).toBe(
      `The CSV file cannot be read: it has no ${HEADER_NEEDED}; its first line is "编号,人名".`,
    );
    const content = await workbookBase64((wb) => wb.addWorksheet("Sheet1").addRow(["编号", "人名"]));
    expect(await refusal("XLSX", content)).toBe(
      `The XLSX file cannot be read: no sheet (Sheet1) has a ${HEADER_NEEDED}.`,
    );
  });

  it("#13: an XLSX that says it unpacks to more than 50 MB (a zip bomb) is refused before it is inflated", async () => {
    const zip = Buffer.from(
      await workbookBase64((wb) => wb.addWorksheet("s").addRow(["code", "name"])),
      "base64",
    );
    expect(await refusal("XLSX", zip.toString("base64"))).toBe(
      "The file has a header row but no rows below it.",
    );
    const directory = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(60 * 1024 * 1024, directory + 24);
    expect(await refusal("XLSX", zip.toString("base64"))).toMatch(
      /^The XLSX file cannot be read: it unpacks to 60\.\d MB, over the 50 MB limit\.$/,
    );
  });

  it("#13: a damaged or cut-off workbook, a non-workbook and bad base64 are each refused saying so", async () => {
    const zip = Buffer.from(
      await workbookBase64((wb) => wb.addWorksheet("s").addRow(["code", "name"])),
      "base64",
    );
    expect(await refusal("XLSX", zip.subarray(0, zip.length - 30).toString("base64"))).toBe(
      "The XLSX file cannot be read: the archive is cut off (no zip end-of-directory record).",
    );
    const garbled = Buffer.from(zip);
    garbled.fill(0x41, 40, 400); // inside the first entry's compressed data
    expect(await refusal("XLSX", garbled.toString("base64"))).toMatch(
      /^The XLSX file cannot be read: the workbook is damaged \(.+\)\.$/,
    );
    expect(await refusal("XLSX", Buffer.from("code,name\n1,a\n").toString("base64"))).toBe(
      "The XLSX content does not decode to an .xlsx workbook (a zip archive starting with PK); for CSV text send format: CSV.",
    );
    expect(await refusal("XLSX", "not base64!")).toBe(
      "The XLSX content must be the workbook's bytes in base64 (it is not valid base64; for CSV text send format: CSV).",
    );
    expect(await refusal("CSV", zip.toString("base64"))).toBe(
      "This is an XLSX workbook, not CSV text: send it with format: XLSX, base64-encoded.",
    );
  });

  it("#13: an empty file, GBK text, too large a file and too many rows are refused with the limit named", async () => {
    expect(await refusal("CSV", "  \n")).toBe("The file is empty.");
    expect(await refusal("CSV", "code,name\n1,\uFFFD\uFFFD\n")).toBe(
      'The CSV text holds characters that are not valid UTF-8 (a GBK-encoded file?): save it as "CSV UTF-8" or send the XLSX.',
    );
    const limits = { maxBytes: 1024 * 1024, maxRows: 2 };
    const big = `code,name\n${"1,a\n".repeat(300_000)}`;
    await expect(readTable("CSV", big, { ...SPEC, limits })).rejects.toThrow(
      "The file is 1.14 MB; at most 1 MB is accepted. Split it, e.g. one file per banner.",
    );
    await expect(
      readTable("CSV", "code,name\n1,a\n2,b\n3,c\n", { ...SPEC, limits, rowsName: "roster rows" }),
    ).rejects.toThrow(
      "The file has 3 roster rows; at most 2 are accepted in one import. Split it, e.g. one file per banner.",
    );
  });
});
