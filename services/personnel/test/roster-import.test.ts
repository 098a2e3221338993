import { AssignmentStarted, FilingSubmitted, StatisticianRegistered } from "@grassroots/events";
import { residentIdCheckCharacter } from "@grassroots/kit/validation";
import {
  as,
  cityAdmin,
  dalateAdmin,
  expectError,
  GONGYE,
  idOf,
  newIdNumber,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_1,
  SHULINZHAO_VILLAGE_2,
  startHarness,
  XUEJIAWAN,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";
import { csvOf, exportLikeWorkbook, importRoster, reportOf } from "./support/roster-files";
import { idNumberHashOf, storedPersonalData } from "./support/personal-data";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
});
afterAll(() => h.stop());

const HEADER = ["序号", "姓名", "身份证号", "单位代码", "岗位", "编制", "到岗日期", "性别", "联系电话"];
const lastSeq = async (): Promise<number> =>
  (await h.dataSource.query(`SELECT coalesce(max(seq), 0)::int AS n FROM outbox`))[0].n;
const eventsSince = async (seq: number): Promise<{ type: string; data: unknown }[]> =>
  h.dataSource.query(`SELECT type, data FROM outbox WHERE seq > $1 ORDER BY seq`, [seq]);
const count = (events: { type: string }[], type: string) => events.filter((e) => e.type === type).length;
const postsOf = (idNumber: string) =>
  h.dataSource.query(
    `SELECT u.code, a.role, a.establishment, a.status, a.start_date::text AS start
       FROM post_assignment a JOIN statistician s ON s.id = a.statistician_id JOIN org_unit u ON u.id = a.org_unit_id
      WHERE s.id_number_hash = $1 ORDER BY u.code`,
    [idNumberHashOf(h.dataSource, idNumber)],
  );

describe("R3: the statistician roster import (CSV), scoped to the caller's area", () => {
  const a = newIdNumber();
  const b = newIdNumber("150621", false);
  const existing = newIdNumber();
  const holder = newIdNumber();
  const outsider = newIdNumber("150622");
  const badCheck = (() => {
    const id = newIdNumber();
    return `${id.slice(0, 17)}${id[17] === "0" ? "1" : "0"}`;
  })();
  const badBirth = `${"15062119991332101"}${residentIdCheckCharacter("15062119991332101")}`;
  let csv: string;

  beforeAll(async () => {
    // Registered and posted through the API: one holds PART_TIME at 树林召镇, one PART_TIME at 工业街道.
    const p = await h.register(SHULINZHAO, { name: "王五", idNumber: existing });
    await h.appoint(p, SHULINZHAO, "PART_TIME", "CONTRACT", "2026-01-05");
    const q = await h.register(GONGYE, { name: "赵六", idNumber: holder });
    await h.appoint(q, GONGYE, "PART_TIME", "CONTRACT", "2026-02-01");
    await h.register(XUEJIAWAN, { name: "钱七", idNumber: outsider }); // 准格尔旗: outside 达拉特旗
    csv = csvOf([
      ["达拉特旗统计人员花名册"],
      HEADER,
      [1, "张一", a, SHULINZHAO, "专职", "在编", "2026-01-05", "男", "13800000001"], // 3
      [2, "李二", b, SHULINZHAO_VILLAGE_1, "联络员", "公益性岗位", "2026/3/1", "女", ""], // 4
      [3, "张一", a, SHULINZHAO_VILLAGE_2, "LIAISON", "CONTRACT", "2026-03-02", "", ""], // 5: a second post
      [4, "孙三", badCheck, SHULINZHAO, "专职", "在编", "2026-01-05", "", ""], // 6
      [5, "周四", badBirth, SHULINZHAO, "专职", "在编", "2026-01-05", "", ""], // 7
      [6, "吴一", newIdNumber(), "150621999999", "专职", "在编", "2026-01-05", "", ""], // 8
      [7, "郑二", newIdNumber(), XUEJIAWAN, "专职", "在编", "2026-01-05", "", ""], // 9
      [8, "李二", b, SHULINZHAO_VILLAGE_1, "联络员", "公益性岗位", "2026-03-01", "", ""], // 10
      [9, "冯三", newIdNumber(), SHULINZHAO_VILLAGE_1, "专职", "在编", "2026-01-05", "", ""], // 11
      [10, "陈四", newIdNumber(), SHULINZHAO, "兼职", "合同制", "2026-07-01", "", ""], // 12
      [11, "褚五", newIdNumber(), SHULINZHAO, "兼职", "合同制", "2026-02-30", "", ""], // 13
      [12, "卫六", newIdNumber(), SHULINZHAO, "兼职", "", "2026-01-05", "", ""], // 14
      [13, "王五", existing, SHULINZHAO, "专职", "在编", "2026-03-01", "", ""], // 15
      [14, "赵六", holder, GONGYE, "兼职", "合同制", "2026-02-01", "", ""], // 16: already holds it
      [15, "蒋七", newIdNumber(), SHULINZHAO, "主任", "在编", "2026-01-05", "", ""], // 17
      [16, "钱七", outsider, SHULINZHAO, "专职", "在编", "2026-01-05", "", ""], // 18
      [17, "沈八", newIdNumber(), SHULINZHAO, "专职", "在编", "2026-01-05", "女", ""], // 19: a male ID number
    ]);
  });

  const expected = (dryRun: boolean) => ({
    dryRun,
    registered: 2,
    appointed: 3,
    unchanged: 1,
    rejectedCount: 13,
    rejected: [
      {
        line: 6,
        unitCode: SHULINZHAO,
        name: "孙三",
        reason:
          "The resident ID number's check character (the 18th) does not match the first 17 digits (GB 11643); check the number for a typing error.",
      },
      {
        line: 7,
        unitCode: SHULINZHAO,
        name: "周四",
        reason: "Characters 7–14 of the resident ID number are not a valid birth date (YYYYMMDD from 1900).",
      },
      {
        line: 8,
        unitCode: "150621999999",
        name: "吴一",
        reason: "Org unit 150621999999 does not exist in your area.",
      },
      {
        line: 9,
        unitCode: XUEJIAWAN,
        name: "郑二",
        reason: `Org unit ${XUEJIAWAN} does not exist in your area.`,
      },
      {
        line: 10,
        unitCode: SHULINZHAO_VILLAGE_1,
        name: "李二",
        reason: "Duplicate: the same ID number and unit are on line 4; a post is listed once.",
      },
      {
        line: 11,
        unitCode: SHULINZHAO_VILLAGE_1,
        name: "冯三",
        reason: "A VILLAGE such as 测试一村 (150621100201) takes LIAISON, not FULL_TIME.",
      },
      {
        line: 12,
        unitCode: SHULINZHAO,
        name: "陈四",
        reason: "到岗日期 (start_date) 2026-07-01 is in the future; use a date on or before 2026-06-30.",
      },
      {
        line: 13,
        unitCode: SHULINZHAO,
        name: "褚五",
        reason: '到岗日期 (start_date) must be a date YYYY-MM-DD; got "2026-02-30".',
      },
      {
        line: 14,
        unitCode: SHULINZHAO,
        name: "卫六",
        reason: "编制 (establishment): empty; the cell is required.",
      },
      {
        line: 15,
        unitCode: SHULINZHAO,
        name: "王五",
        reason:
          "王五 already holds a post at 树林召镇 (150621100000) (PART_TIME, PENDING_TRAINING, from 2026-01-05) that overlaps the new one; change that post's role or end it first.",
      },
      {
        line: 17,
        unitCode: SHULINZHAO,
        name: "蒋七",
        reason: '岗位 (role) "主任" is not one of FULL_TIME (专职), PART_TIME (兼职), LIAISON (联络员).',
      },
      {
        line: 18,
        unitCode: SHULINZHAO,
        name: "钱七",
        reason:
          "This resident ID number is already registered, outside your area (ID numbers are unique city-wide): if it is this person's, ask your banner bureau to transfer their record to your unit.",
      },
      {
        line: 19,
        unitCode: SHULINZHAO,
        name: "沈八",
        reason:
          "性别 (gender) FEMALE disagrees with the resident ID number, whose 17th digit is odd (male); check both.",
      },
    ],
  });

  it("R3: a dry run reports every row as the import would, and writes and publishes nothing", async () => {
    const before = await h.fingerprint();
    const report = await reportOf(h, dalateAdmin, { format: "CSV", content: csv, dryRun: true });
    expect(report).toEqual(expected(true));
    expect(await h.fingerprint()).toBe(before);
  });

  it("R3: the good rows go in (registered, appointed), each rejected row is named by line, unit code and name with its reason", async () => {
    const seq = await lastSeq();
    const report = await reportOf(h, dalateAdmin, { format: "CSV", content: csv });
    expect(report).toEqual(expected(false));
    const rows: { id: string; name: string; gender: string; code: string }[] = await h.dataSource.query(
      `SELECT s.id, s.name, s.gender, u.code FROM statistician s JOIN org_unit u ON u.id = s.registered_at_id
        WHERE s.id_number_hash = ANY($1) ORDER BY s.name`,
      [[a, b].map((n) => idNumberHashOf(h.dataSource, n))],
    );
    const phones = new Map((await storedPersonalData(h.dataSource)).map((p) => [p.id, p.phone]));
    const people = rows.map(({ id, name, gender, code }) => ({ name, gender, phone: phones.get(id), code }));
    expect(people).toEqual([
      { name: "张一", gender: "MALE", phone: "13800000001", code: SHULINZHAO },
      { name: "李二", gender: "FEMALE", phone: null, code: SHULINZHAO_VILLAGE_1 },
    ]);
    expect(await postsOf(a)).toEqual([
      {
        code: SHULINZHAO,
        role: "FULL_TIME",
        establishment: "IN_ESTABLISHMENT",
        status: "PENDING_TRAINING",
        start: "2026-01-05",
      },
      {
        code: SHULINZHAO_VILLAGE_2,
        role: "LIAISON",
        establishment: "CONTRACT",
        status: "PENDING_TRAINING",
        start: "2026-03-02",
      },
    ]);
    expect(await postsOf(b)).toEqual([
      {
        code: SHULINZHAO_VILLAGE_1,
        role: "LIAISON",
        establishment: "PUBLIC_WELFARE_POST",
        status: "PENDING_TRAINING",
        start: "2026-03-01",
      },
    ]);
    // Nothing for the rejected or unchanged rows: 赵六 keeps his one post, 王五 too.
    expect(await postsOf(holder)).toHaveLength(1);
    expect(await postsOf(existing)).toHaveLength(1);
    const events = await eventsSince(seq);
    expect(count(events, StatisticianRegistered.type)).toBe(2);
    expect(count(events, AssignmentStarted.type)).toBe(3);
    expect(count(events, FilingSubmitted.type)).toBe(3);
    const text = JSON.stringify(events);
    for (const secret of [a, b, "13800000001"]) expect(text).not.toContain(secret);
  });

  it("R3: a rerun of the same file changes nothing: the good rows count as unchanged", async () => {
    const before = await h.fingerprint();
    const report = await reportOf(h, dalateAdmin, { format: "CSV", content: csv });
    const first = expected(false);
    expect(report).toEqual({ ...first, registered: 0, appointed: 0, unchanged: 4 });
    expect(await h.fingerprint()).toBe(before);
  });

  it("R3: a BANNER_ADMIN importing another banner's units has every row rejected as not in their area, nothing written", async () => {
    const before = await h.fingerprint();
    const report = await reportOf(h, zhungeerAdmin, {
      format: "CSV",
      content: csvOf([HEADER, [1, "韩九", newIdNumber(), SHULINZHAO, "专职", "在编", "2026-01-05", "", ""]]),
    });
    expect(report).toEqual({
      dryRun: false,
      registered: 0,
      appointed: 0,
      unchanged: 0,
      rejectedCount: 1,
      rejected: [
        {
          line: 2,
          unitCode: SHULINZHAO,
          name: "韩九",
          reason: `Org unit ${SHULINZHAO} does not exist in your area.`,
        },
      ],
    });
    expect(await h.fingerprint()).toBe(before);
  });

  it("R3: a role that may not appoint is FORBIDDEN before the file is read, nothing written", async () => {
    const message = await h.expectRefused("FORBIDDEN", () =>
      importRoster(h, as("INSPECTOR", "150621000000"), { format: "CSV", content: csv }),
    );
    expect(message).toContain("import the statistician roster");
  });

  it("R3: a file the reader cannot read is BAD_USER_INPUT naming content, with the reader's message", async () => {
    const result = await importRoster(h, dalateAdmin, { format: "CSV", content: "编号,人名\n1,张三\n" });
    expect(expectError(result, "BAD_USER_INPUT")).toBe(
      'The CSV file cannot be read: it has no header row naming a name column (name, 姓名), an ID number column (id_number, 身份证号, 身份证号码, 公民身份号码), a unit code column (unit_code, 单位代码, 统计用区划代码, 区划代码), a role column (role, 岗位, 岗位类别, 角色), an establishment column (establishment, 编制, 编制情况) and a start date column (start_date, 到岗日期, 任职日期) in its first 20 rows (optional: seq (序号, no), gender (gender, 性别), ethnicity (ethnicity, 民族), phone (phone, 联系电话, 手机, 手机号码), education (education, 学历) and title (title, 职称)); its first line is "编号,人名".',
    );
    expect(result.errors![0].extensions).toMatchObject({ field: "content" });
    await h.expectRefused("BAD_USER_INPUT", () =>
      importRoster(h, dalateAdmin, {
        format: "XLSX",
        content: Buffer.from("not a workbook").toString("base64"),
      }),
    );
  });

  it("R3: with a requestId the import is one transaction and a retry returns its first report, writing nothing", async () => {
    const content = csvOf([
      HEADER,
      [1, "楚十", newIdNumber(), GONGYE, "兼职", "合同制", "2026-04-01", "", ""],
    ]);
    const requestId = `roster-${Date.now()}`;
    const first = await reportOf(h, dalateAdmin, { format: "CSV", content, requestId });
    expect(first).toMatchObject({ registered: 1, appointed: 1, unchanged: 0, rejectedCount: 0 });
    const before = await h.fingerprint();
    expect(await reportOf(h, dalateAdmin, { format: "CSV", content, requestId })).toEqual(first);
    expect(await h.fingerprint()).toBe(before);
  });

  it("R3: a row without a post (as the export lists someone whose posts ended) confirms a registered person; an unknown one is rejected, nothing written", async () => {
    const known = newIdNumber();
    await h.register(GONGYE, { name: "韩八", idNumber: known });
    const content = csvOf([
      HEADER,
      [1, "韩八", known, "", "", "", "", "", ""],
      [2, "杨九", newIdNumber(), "", "", "", "", "", ""],
      [3, "韩九", known, "", "", "", "", "", ""],
    ]);
    const before = await h.fingerprint();
    expect(await reportOf(h, dalateAdmin, { format: "CSV", content })).toEqual({
      dryRun: false,
      registered: 0,
      appointed: 0,
      unchanged: 1,
      rejectedCount: 2,
      rejected: [
        {
          line: 3,
          unitCode: "",
          name: "杨九",
          reason:
            "单位代码 (unit_code), 岗位 (role), 编制 (establishment), 到岗日期 (start_date): empty; a row without a post only confirms a person already registered in your area — fill in the post to register and appoint them.",
        },
        {
          line: 4,
          unitCode: "",
          name: "韩九",
          reason: expect.stringContaining("This resident ID number is registered to 韩八, not 韩九"),
        },
      ],
    });
    expect(await h.fingerprint()).toBe(before);
  });

  it("R3: units and people are looked up in a fixed number of statements, whatever the number of rows", async () => {
    const file = (n: number) =>
      csvOf([
        HEADER,
        ...Array.from({ length: n }, (_, i) => [
          i + 1,
          `批量${i}`,
          newIdNumber(),
          i % 2 ? SHULINZHAO : GONGYE,
          "兼职",
          "合同制",
          "2026-01-05",
          "",
          "",
        ]),
      ]);
    const [small, large] = [file(3), file(60)];
    const statements = async (content: string, dryRun: boolean) =>
      (await h.queries.count(() => reportOf(h, dalateAdmin, { format: "CSV", content, dryRun }))).length;
    // New people: the units, the ID numbers (no posts to read).
    expect(await statements(large, true)).toBe(await statements(small, true));
    await reportOf(h, dalateAdmin, { format: "CSV", content: small });
    await reportOf(h, dalateAdmin, { format: "CSV", content: large });
    // Known people: the units, the ID numbers, their posts; a rerun writes nothing.
    expect(await statements(large, true)).toBe(await statements(small, true));
    expect(await statements(large, false)).toBe(await statements(small, false));
  });
});

describe("R3: an XLSX roster built like the gateway's roster export imports back", () => {
  it("R3: title rows, the totals row and the note are skipped; numbers and date cells read as the clerk sees them", async () => {
    const c = newIdNumber();
    const d = newIdNumber("150621", false);
    const content = await exportLikeWorkbook([
      [
        1,
        "褚一",
        "男",
        "汉族",
        c,
        "13900000002",
        "大学本科",
        "中级",
        "树林召镇",
        Number(SHULINZHAO),
        "专职",
        "在编",
        "在岗",
        new Date(Date.UTC(2026, 0, 10)),
      ],
      [
        2,
        "褚二",
        "女",
        "蒙古族",
        d,
        null,
        null,
        null,
        "测试社区",
        "150621100001",
        "兼职",
        "合同制",
        "待岗前培训",
        "2026-02-01",
      ],
      [
        3,
        "褚三",
        null,
        null,
        newIdNumber(),
        null,
        null,
        null,
        "测试嘎查",
        "150621200201",
        "专职",
        "在编",
        "在岗",
        "2026-02-01",
      ],
    ]);
    const seq = await lastSeq();
    const report = await reportOf(h, cityAdmin, { format: "XLSX", content });
    expect(report).toEqual({
      dryRun: false,
      registered: 2,
      appointed: 2,
      unchanged: 0,
      rejectedCount: 1,
      rejected: [
        {
          line: 7,
          unitCode: "150621200201",
          name: "褚三",
          reason: "A GACHA such as 测试嘎查 (150621200201) takes LIAISON, not FULL_TIME.",
        },
      ],
    });
    const [{ id, ...person }] = await h.dataSource.query(
      `SELECT id, name, ethnicity, education, title FROM statistician WHERE id_number_hash = $1`,
      [idNumberHashOf(h.dataSource, c)],
    );
    const [stored] = await storedPersonalData(h.dataSource, "WHERE s.id = $1", [id]);
    expect({ ...person, phone: stored.phone }).toEqual({
      name: "褚一",
      ethnicity: "汉族",
      education: "大学本科",
      title: "INTERMEDIATE",
      phone: "13900000002",
    });
    expect(await postsOf(c)).toEqual([
      {
        code: SHULINZHAO,
        role: "FULL_TIME",
        establishment: "IN_ESTABLISHMENT",
        status: "PENDING_TRAINING",
        start: "2026-01-10",
      },
    ]);
    expect(await postsOf(d)).toEqual([
      {
        code: "150621100001",
        role: "PART_TIME",
        establishment: "CONTRACT",
        status: "PENDING_TRAINING",
        start: "2026-02-01",
      },
    ]);
    const events = await eventsSince(seq);
    expect(count(events, AssignmentStarted.type)).toBe(2);
    const text = JSON.stringify(events);
    for (const secret of [c, d, "13900000002"]) expect(text).not.toContain(secret);
    // The same workbook again: nothing to do.
    const again = await reportOf(h, cityAdmin, { format: "XLSX", content });
    expect(again).toMatchObject({ registered: 0, appointed: 0, unchanged: 2, rejectedCount: 1 });
  });
});

export { idOf };
