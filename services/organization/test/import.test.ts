import { parseDivisionCsv } from "../src/domain/import/csv";
import { importDivisions } from "../src/domain/commands/import-divisions";
import { idOf, importOrdos, startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const count = async (sql: string) => (await h.dataSource.query(sql))[0].n as number;

describe("import-divisions", () => {
  it("imports the real Ordos CSV as 98 units, each with its OrgUnitCreated event", async () => {
    const report = await importOrdos(h.services);
    expect(report).toEqual({ created: 98, updated: 0, unchanged: 0, rejected: [] });
    expect(await count(`SELECT count(*)::int AS n FROM org_unit`)).toBe(98);
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE type LIKE '%org-unit.created.v1'`)).toBe(
      98,
    );
    const [city] = await h.dataSource.query(
      `SELECT id, depth, path FROM org_unit WHERE code = '150600000000'`,
    );
    expect(city).toEqual({ id: idOf("150600000000"), depth: 0, path: `${idOf("150600000000")}/` });
  });

  it("a second import of the same file changes nothing and publishes nothing", async () => {
    const before = await h.fingerprint();
    expect(await importOrdos(h.services)).toEqual({ created: 0, updated: 0, unchanged: 98, rejected: [] });
    expect(await h.fingerprint()).toBe(before);
  });

  it("updates changed names, infers missing kinds, and rejects bad rows with their reasons", async () => {
    const csv = [
      "code,name,kind,parent_code",
      "150621100000,树林召镇（新）,TOWN,150621000000", // renamed
      "150621100201,新民村,,150621100000", // kind inferred: VILLAGE
      "150621200201,乌兰嘎查,,", // parent derived from the code, kind inferred: GACHA
      "15062110020,短码,VILLAGE,150621100000", // malformed
      "150621100401,越界村,VILLAGE,150621100000", // out of range
      "150699100201,孤村,VILLAGE,150699100000", // unknown parent
      "150621100202,错类,COMMUNITY,150621100000", // kind vs range
      "150621100203,怪村,HAMLET,150621100000", // unknown kind
      "150621100201,重复,VILLAGE,150621100000", // duplicate in file
    ].join("\n");
    const report = await importDivisions(h.services.uow, h.services.clock, parseDivisionCsv(csv), {
      actor: "test",
      batchSize: 2,
    });
    expect(report).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([
      [5, "15062110020"],
      [6, "150621100401"],
      [7, "150699100201"],
      [8, "150621100202"],
      [9, "150621100203"],
      [10, "150621100201"],
    ]);
    expect(report.rejected[0].reason).toContain("12 digits");
    expect(report.rejected[2].reason).toContain("unknown parent 150699100000");
    expect(report.rejected[4].reason).toContain('unknown kind "HAMLET"');
    expect(report.rejected[5].reason).toContain("more than once");
    const kinds = await h.dataSource.query(
      `SELECT code, kind FROM org_unit WHERE code IN ('150621100201', '150621200201') ORDER BY code`,
    );
    expect(kinds).toEqual([
      { code: "150621100201", kind: "VILLAGE" },
      { code: "150621200201", kind: "GACHA" },
    ]);
  });
});
