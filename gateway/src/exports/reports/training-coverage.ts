import { chinaToday, yearParam } from "../params";
import type { ExportReport } from "../report";
import { PERCENT, rateCell, ratioCell, sum, tableMeta } from "./common";

/** R6: the city's comprehensive training and each banner's coverage in the caller's area for a year. */
export const TRAINING_COVERAGE_QUERY = `query ExportTrainingCoverage($year: Int!) {
  trainingCoverage(year: $year) {
    year asOf cityObligationMet
    banners { banner { code name } staff attended rate ownSessionsCompleted }
  }
}`;

interface Coverage {
  year: number;
  asOf: string;
  cityObligationMet: boolean;
  banners: {
    banner: { code: string; name: string };
    staff: number;
    attended: number;
    rate: number | null;
    ownSessionsCompleted: number;
  }[];
}

export const trainingCoverageReport: ExportReport<{ year: number }> = {
  name: "training-coverage",
  meta: tableMeta("基统5表"),
  params: (query) => ({ year: yearParam(query, chinaToday().year) }),
  async open(run, { year }) {
    const { trainingCoverage: c } = await run<{ trainingCoverage: Coverage }>(TRAINING_COVERAGE_QUERY, {
      year,
    });
    const staff = sum(c.banners, (b) => b.staff);
    const attended = sum(c.banners, (b) => b.attended);
    return {
      sheetName: "培训覆盖",
      title: `${c.year}年度基层统计人员业务培训覆盖情况表`,
      unit: "人",
      columns: [
        { header: "序号" },
        { header: "旗区" },
        { header: "区划代码" },
        { header: "在岗统计人员" },
        { header: "参训人数" },
        { header: "覆盖率", numFmt: PERCENT },
        { header: "本级完成培训（期）" },
      ],
      firstRows: c.banners.map((b, i) => [
        i + 1,
        b.banner.name,
        b.banner.code,
        b.staff,
        b.attended,
        rateCell(b.rate),
        b.ownSessionsCompleted,
      ]),
      totals: () => [
        "合计",
        null,
        null,
        staff,
        attended,
        ratioCell(attended, staff),
        sum(c.banners, (b) => b.ownSessionsCompleted),
      ],
      notes: [
        `注：人数截至${c.asOf}；市级综合培训${c.cityObligationMet ? "已" : "未"}完成（R6）。“本级完成培训”单位为期。`,
      ],
    };
  },
};
