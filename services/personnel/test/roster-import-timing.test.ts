import { testIdNumber } from "@grassroots/testing";
import {
  cityAdmin,
  DALATE_PARK,
  GONGYE,
  JIGESITAI,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_1,
  ZHANDANZHAO,
  startHarness,
  type Harness,
} from "./support/harness";
import { csvOf, reportOf } from "./support/roster-files";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
});
afterAll(() => h.stop());

const ROWS = 2000;
const UNITS: [string, string][] = [
  [SHULINZHAO, "兼职"],
  [JIGESITAI, "专职"],
  [GONGYE, "兼职"],
  [ZHANDANZHAO, "兼职"],
  [DALATE_PARK, "专职"],
  [SHULINZHAO_VILLAGE_1, "联络员"],
];

describe("R3: importing a banner's roster of 2,000 rows", () => {
  it("R3: a dry run and the import of 2,000 rows, timed", async () => {
    const content = csvOf([
      ["姓名", "身份证号", "单位代码", "岗位", "编制", "到岗日期"],
      ...Array.from({ length: ROWS }, (_, i) => {
        const [unit, role] = UNITS[i % UNITS.length];
        return [`统计员${i}`, testIdNumber("150621", 50_000 + i), unit, role, "合同制", "2026-01-05"];
      }),
    ]);
    const timed = async (dryRun: boolean) => {
      const started = Date.now();
      const report = await reportOf(h, cityAdmin, { format: "CSV", content, dryRun });
      return { report, ms: Date.now() - started };
    };
    const dry = await timed(true);
    expect(dry.report).toMatchObject({ registered: ROWS, appointed: ROWS, rejectedCount: 0 });
    const real = await timed(false);
    expect(real.report).toMatchObject({ registered: ROWS, appointed: ROWS, rejectedCount: 0 });
    const rerun = await timed(false);
    expect(rerun.report).toMatchObject({ registered: 0, appointed: 0, unchanged: ROWS });
    // eslint-disable-next-line no-console
    console.log(
      `roster import of ${ROWS} rows (${Math.round(content.length / 1024)} KB CSV): dry run ${dry.ms} ms, import ${real.ms} ms, rerun ${rerun.ms} ms`,
    );
  }, 600_000);
});
