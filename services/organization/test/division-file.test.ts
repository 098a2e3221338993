import { isAppError } from "@grassroots/kit";
import { Workbook } from "exceljs";
import { parseDivisionCsv } from "../src/domain/import/csv";
import { IMPORT_LIMITS, readDivisionFile } from "../src/domain/import/division-file";

/** The BAD_USER_INPUT a file is refused with (fails the test when it is accepted or fails otherwise). */
async function refusal(content: string, format: "CSV" | "XLSX" = "CSV"): Promise<string> {
  const error = await readDivisionFile({ format, content }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a BAD_USER_INPUT refusal, got ${String(error)}`);
  expect(error.code).toBe("BAD_USER_INPUT");
  expect(error.details).toMatchObject({ field: "content" });
  return error.message;
}

describe("#10.6: reading a division file", () => {
  it("#10.6: a CSV with a title line, Chinese headers and Chinese kinds gives the same rows as the English one", () => {
    const chinese = parseDivisionCsv(
      "鄂尔多斯市统计用区划代码表,,\n统计用区划代码,名称,类型,上级代码\n150621100201,一村,村,150621100000\n150621200201,乌兰嘎查,嘎查,\n",
    );
    expect(chinese).toEqual([
      { line: 3, code: "150621100201", name: "一村", kind: "VILLAGE", parentCode: "150621100000" },
      { line: 4, code: "150621200201", name: "乌兰嘎查", kind: "GACHA", parentCode: undefined },
    ]);
    expect(
      parseDivisionCsv("code,name,kind,parent_code\n\n\n150621100201,一村,VILLAGE,150621100000\n")[0].line,
    ).toBe(4);
  });

  it("#10.6: a file over 5 MB is BAD_USER_INPUT naming the limit, before it is parsed", async () => {
    const big = `code,name\n${"150621100201,村\n".repeat(Math.ceil(IMPORT_LIMITS.maxBytes / 16) + 10)}`;
    expect(await refusal(big)).toBe(
      `The file is ${Number((Buffer.byteLength(big) / 1024 / 1024).toFixed(2))} MB; at most 5 MB is accepted. Split it, e.g. one file per banner.`,
    );
    expect(await refusal(Buffer.from(big).toString("base64"), "XLSX")).toContain("at most 5 MB is accepted");
  });

  it("#10.6: a GBK-encoded CSV decoded as UTF-8 is BAD_USER_INPUT saying so", async () => {
    expect(await refusal("code,name\n150621100201,\uFFFD\uFFFD\n")).toContain("not valid UTF-8");
  });

  it("#10.6: an XLSX that says it unpacks to more than 50 MB is refused before it is inflated", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("区划").addRow(["代码", "名称"]);
    const zip = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(
      await readDivisionFile({ format: "XLSX", content: zip.toString("base64") }).catch((e) => e.message),
    ).toBe("The file has a header row but no division rows below it.");
    // Declare 60 MB for the first entry in the central directory.
    const directory = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(60 * 1024 * 1024, directory + 24);
    expect(await refusal(zip.toString("base64"), "XLSX")).toMatch(
      /^The XLSX file cannot be read: it unpacks to 60\.\d MB, over the 50 MB limit\.$/,
    );
  });
});
