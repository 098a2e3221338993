import { Workbook } from "exceljs";
import { readFileSync } from "node:fs";
import { parseDivisionCsv } from "../src/domain/import/csv";
import { importDivisions } from "../src/domain/commands/import-divisions";
import {
  as,
  cityAdmin,
  DALATE,
  idOf,
  ORDOS_CSV,
  startHarness,
  ZHUNGEER,
  type Harness,
} from "./support/harness";

const IMPORT = `mutation ($input: ImportDivisionsInput!) { importDivisions(input: $input) {
  dryRun created updated unchanged rejectedCount rejected { line code reason } } }`;

const ORDOS = readFileSync(ORDOS_CSV, "utf8");
const SHULINZHAO = "150621100000"; // 树林召镇, 达拉特旗
const XUEJIAWAN = "150622100000"; // 薛家湾镇, 准格尔旗
const dalateAdmin = as("BANNER_ADMIN", DALATE);

/** The city itself comes from the operator's tool (no caller's area exists before it); the rest through the API. */
const createCity = (h: Harness) =>
  importDivisions(
    h.services.uow,
    h.services.clock,
    parseDivisionCsv("code,name,kind\n150600000000,鄂尔多斯市,CITY"),
    { actor: "test" },
  );

/** The Ordos file as a bureau keeps it: a title row, a blank row, Chinese headers, codes as numbers, kinds in Chinese. */
async function ordosWorkbook(extraRows: (string | number)[][] = []): Promise<string> {
  const chinese: Record<string, string> = {
    CITY: "市",
    DISTRICT: "区",
    BANNER: "旗",
    SUBDISTRICT: "街道",
    TOWN: "镇",
    TOWNSHIP: "乡",
    SUMU: "苏木",
    PARK: "园区",
  };
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("区划代码");
  sheet.getCell("A1").value = "鄂尔多斯市统计用区划代码表";
  ["统计用区划代码", "名称", "类型", "上级代码"].forEach(
    (title, i) => (sheet.getRow(3).getCell(i + 1).value = title),
  );
  const rows = parseDivisionCsv(ORDOS).map((r) => [
    Number(r.code),
    r.name,
    chinese[r.kind!],
    r.parentCode ? Number(r.parentCode) : "",
  ]);
  [...rows, ...extraRows].forEach((cells, n) =>
    cells.forEach((value, i) => (sheet.getRow(4 + n).getCell(i + 1).value = value)),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

const tree = (h: Harness) =>
  h.dataSource.query(`SELECT id, code, name, kind, parent_id, path, depth FROM org_unit ORDER BY code`);

describe("#10.6: CITY_ADMIN imports the real Ordos file through the API", () => {
  let h: Harness;
  let x: Harness;
  beforeAll(async () => {
    [h, x] = await Promise.all([startHarness(), startHarness()]);
    await Promise.all([createCity(h), createCity(x)]);
  });
  afterAll(() => Promise.all([h.stop(), x.stop()]));

  it("#10.6: the Ordos CSV makes the 98 units with their events; a second import changes nothing", async () => {
    const first = await h.call(IMPORT, { input: { format: "CSV", content: ORDOS } }, cityAdmin);
    expect(first.errors).toBeUndefined();
    expect(first.data!.importDivisions).toEqual({
      dryRun: false,
      created: 97,
      updated: 0,
      unchanged: 1,
      rejectedCount: 0,
      rejected: [],
    });
    expect((await h.dataSource.query(`SELECT count(*)::int AS n FROM org_unit`))[0].n).toBe(98);
    const created = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE type LIKE '%org-unit.created.v1'`,
    );
    expect(created[0].n).toBe(98);
    const [dalate] = await h.dataSource.query(`SELECT path, depth FROM org_unit WHERE code = $1`, [DALATE]);
    expect(dalate).toEqual({ path: `${idOf("150600000000")}/${idOf(DALATE)}/`, depth: 1 });

    const before = await h.fingerprint();
    const second = await h.call(IMPORT, { input: { format: "CSV", content: ORDOS } }, cityAdmin);
    expect(second.data!.importDivisions).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 98,
      rejectedCount: 0,
    });
    expect(await h.fingerprint()).toBe(before);
  });

  it("#10.6: the same file as a bureau's XLSX (title rows, Chinese headers and kinds, numeric codes) makes the same tree; a second import changes nothing", async () => {
    const content = await ordosWorkbook();
    const first = await x.call(IMPORT, { input: { format: "XLSX", content } }, cityAdmin);
    expect(first.errors).toBeUndefined();
    expect(first.data!.importDivisions).toEqual({
      dryRun: false,
      created: 97,
      updated: 0,
      unchanged: 1,
      rejectedCount: 0,
      rejected: [],
    });
    expect(await tree(x)).toEqual(await tree(h));

    const before = await x.fingerprint();
    const second = await x.call(IMPORT, { input: { format: "XLSX", content } }, cityAdmin);
    expect(second.data!.importDivisions).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 98,
      rejectedCount: 0,
    });
    expect(await x.fingerprint()).toBe(before);
  });

  it("#10.6: an XLSX row that is rejected is reported with its sheet row number", async () => {
    // 98 rows from sheet row 4: the extra ones are rows 102 and 103.
    const content = await ordosWorkbook([
      [150621100201, "新民村", "村", 150621100000],
      [1506211002, "短码", "村", 150621100000],
    ]);
    const result = await x.call(IMPORT, { input: { format: "XLSX", content } }, cityAdmin);
    expect(result.data!.importDivisions).toMatchObject({ created: 1, unchanged: 98, rejectedCount: 1 });
    expect(result.data!.importDivisions.rejected).toEqual([
      { line: 103, code: "1506211002", reason: expect.stringContaining("12 digits") },
    ]);
    const [village] = await x.dataSource.query(
      `SELECT kind, parent_id FROM org_unit WHERE code = '150621100201'`,
    );
    expect(village).toEqual({ kind: "VILLAGE", parent_id: idOf(SHULINZHAO) });
  });

  it("#10.6: a dry run reports what it would do and writes and publishes nothing", async () => {
    const csv = [
      "code,name,kind,parent_code",
      `${SHULINZHAO},树林召镇（新）,TOWN,${DALATE}`,
      `150621108000,新镇,TOWN,${DALATE}`,
      "150621108201,新村,,150621108000",
      "15062110020,短码,,",
    ].join("\n");
    const before = await h.fingerprint();
    const result = await h.call(IMPORT, { input: { format: "CSV", content: csv, dryRun: true } }, cityAdmin);
    expect(result.errors).toBeUndefined();
    // The third row's parent is the second, new in the same file: a dry run sees it as the real run would.
    expect(result.data!.importDivisions).toEqual({
      dryRun: true,
      created: 2,
      updated: 1,
      unchanged: 0,
      rejectedCount: 1,
      rejected: [{ line: 5, code: "15062110020", reason: expect.stringContaining("12 digits") }],
    });
    expect(await h.fingerprint()).toBe(before);

    const real = await h.call(IMPORT, { input: { format: "CSV", content: csv } }, cityAdmin);
    expect(real.data!.importDivisions).toMatchObject({
      dryRun: false,
      created: 2,
      updated: 1,
      rejectedCount: 1,
    });
    expect(await h.fingerprint()).not.toBe(before);
  });
});

describe("#10.6: the import is scoped to the caller's area and role", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await createCity(h);
    await h.call(IMPORT, { input: { format: "CSV", content: ORDOS } }, cityAdmin);
  });
  afterAll(() => h.stop());

  it("#10.6: a BANNER_ADMIN of 达拉特旗 gets a row under 准格尔旗 rejected with its line, worded as a missing parent; the rest goes in", async () => {
    const csv = [
      "code,name,kind,parent_code",
      `150621100201,新村,VILLAGE,${SHULINZHAO}`, // line 2: in the banner
      `150622100201,越界村,VILLAGE,${XUEJIAWAN}`, // line 3: under 准格尔旗's 薛家湾镇
      `150621990201,无名村,VILLAGE,150621990000`, // line 4: a parent that exists nowhere
      `${XUEJIAWAN},薛家湾镇（改）,TOWN,${ZHUNGEER}`, // line 5: renaming a town of 准格尔旗
      `150621100202,二村,,`, // line 6: parent from the code, in the banner
    ].join("\n");
    const outboxBefore = (await h.dataSource.query(`SELECT count(*)::int AS n FROM outbox`))[0].n;
    const result = await h.call(IMPORT, { input: { format: "CSV", content: csv } }, dalateAdmin);
    expect(result.errors).toBeUndefined();
    const report = result.data!.importDivisions;
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejectedCount: 3 });
    expect(report.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [3, "150622100201"],
      [4, "150621990201"],
      [5, XUEJIAWAN],
    ]);
    const [outside, missing, rename] = report.rejected.map((r: { reason: string }) => r.reason);
    expect(outside).toBe(`unknown parent ${XUEJIAWAN}: it is not in your area, nor earlier in the file`);
    // Worded exactly as for a parent that does not exist at all: nothing tells what exists elsewhere.
    expect(missing).toBe(outside.replace(XUEJIAWAN, "150621990000"));
    expect(rename).toBe(`unknown parent ${ZHUNGEER}: it is not in your area, nor earlier in the file`);
    for (const reason of [outside, missing, rename]) expect(reason).not.toMatch(/准格尔|薛家湾|FORBIDDEN/);

    const rows = await h.dataSource.query(
      `SELECT code, name, path FROM org_unit WHERE code IN ('150621100201', '150621100202', '150622100201', $1) ORDER BY code`,
      [XUEJIAWAN],
    );
    expect(rows.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual([
      ["150621100201", "新村"],
      ["150621100202", "二村"],
      [XUEJIAWAN, "薛家湾镇"],
    ]);
    expect(rows[0].path.startsWith(`${idOf("150600000000")}/${idOf(DALATE)}/${idOf(SHULINZHAO)}/`)).toBe(
      true,
    );
    // Two units created, each with its R1 status (issue 12).
    expect((await h.dataSource.query(`SELECT count(*)::int AS n FROM outbox`))[0].n).toBe(outboxBefore + 4);
  });

  it("#10.6: a BANNER_ADMIN may import the whole Ordos file: only their banner's rows apply, the rest are not in their area", async () => {
    const before = await h.fingerprint();
    const result = await h.call(IMPORT, { input: { format: "CSV", content: ORDOS } }, dalateAdmin);
    const report = result.data!.importDivisions;
    const inDalate = parseDivisionCsv(ORDOS).filter((r) => r.code.startsWith("150621")).length;
    expect(report).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: inDalate,
      rejectedCount: 98 - inDalate,
    });
    expect(report.rejected[0]).toEqual({
      line: 2,
      code: "150600000000",
      reason: "150600000000 is not in your area",
    });
    expect(await h.fingerprint()).toBe(before);
  });

  it("#10.6: a BANNER_ADMIN may not rename their own banner by import (only below it)", async () => {
    const result = await h.call(
      IMPORT,
      {
        input: {
          format: "CSV",
          content: `code,name,kind,parent_code\n${DALATE},达拉特旗（改）,BANNER,150600000000`,
        },
      },
      dalateAdmin,
    );
    expect(result.data!.importDivisions).toMatchObject({ updated: 0, rejectedCount: 1 });
    expect(result.data!.importDivisions.rejected).toEqual([
      { line: 2, code: DALATE, reason: expect.stringContaining("only below your home unit") },
    ]);
    const [banner] = await h.dataSource.query(`SELECT name FROM org_unit WHERE code = $1`, [DALATE]);
    expect(banner.name).toBe("达拉特旗");
  });

  it.each([
    ["UNIT_CLERK", SHULINZHAO],
    ["INSPECTOR", "150600000000"],
    ["FINANCE_OFFICER", "150600000000"],
  ] as const)(
    "#10.6: %s may not import (FORBIDDEN before the file is looked at, nothing written)",
    async (role, code) => {
      for (const content of [ORDOS, "garbage"]) {
        const message = await h.expectRefused("FORBIDDEN", () =>
          h.call(IMPORT, { input: { format: "CSV", content } }, as(role, code)),
        );
        expect(message).toBe(`Only CITY_ADMIN or BANNER_ADMIN may import divisions; you are ${role}.`);
      }
    },
  );

  it.each([
    [
      "CSV",
      "just some text\nwithout a header",
      "it has no header row naming a code column (code, 代码, 统计用区划代码",
    ],
    ["CSV", "UEsDBBQAAAAIAA==", "send it with format: XLSX"],
    ["CSV", "code,name\n", "no division rows"],
    ["CSV", "   ", "The file is empty"],
    ["XLSX", ORDOS, "not valid base64"],
    ["XLSX", Buffer.from("hello, not a zip").toString("base64"), "does not decode to an .xlsx workbook"],
    [
      "XLSX",
      Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64)]).toString("base64"),
      "cannot be read",
    ],
  ])(
    "#10.6: a %s file that cannot be read is BAD_USER_INPUT naming the problem, nothing written (%#)",
    async (format, content, problem) => {
      const message = await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(IMPORT, { input: { format, content } }, cityAdmin),
      );
      expect(message).toContain(problem);
    },
  );

  it("#10.6: a damaged workbook (cut short) is BAD_USER_INPUT, nothing written", async () => {
    const whole = Buffer.from(await ordosWorkbook(), "base64");
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        IMPORT,
        { input: { format: "XLSX", content: whole.subarray(0, whole.length / 2).toString("base64") } },
        cityAdmin,
      ),
    );
    expect(message).toMatch(/^The XLSX file cannot be read: /);
  });

  it("#10.6: a file over the row cap is BAD_USER_INPUT naming the limit, nothing written", async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `1506211${String(i).padStart(5, "0")},村`);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(IMPORT, { input: { format: "CSV", content: ["code,name", ...rows].join("\n") } }, cityAdmin),
    );
    expect(message).toBe(
      "The file has 20001 division rows; at most 20000 are accepted in one import. Split it, e.g. one file per banner.",
    );
  });
});
