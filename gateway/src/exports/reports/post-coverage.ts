import type { ExportReport } from "../report";
import { PERCENT, rateCell, ratioCell, sum, tableMeta } from "./common";

/** R1: statistics-post coverage per banner in the caller's area. */
export const POST_COVERAGE_QUERY = `query ExportPostCoverage {
  postCoverage { banner { code name } established total rate }
}`;

interface Coverage {
  banner: { code: string; name: string };
  established: number;
  total: number;
  rate: number | null;
}

export const postCoverageReport: ExportReport<Record<string, never>> = {
  name: "post-coverage",
  meta: tableMeta("基统2表"),
  params: () => ({}),
  async open(run) {
    const { postCoverage } = await run<{ postCoverage: Coverage[] }>(POST_COVERAGE_QUERY, {});
    const established = sum(postCoverage, (c) => c.established);
    const total = sum(postCoverage, (c) => c.total);
    return {
      sheetName: "统计岗位覆盖",
      title: "基层统计岗位设置覆盖情况表",
      unit: "个",
      columns: [
        { header: "序号" },
        { header: "旗区" },
        { header: "区划代码" },
        { header: "单位数" },
        { header: "已设统计岗位" },
        { header: "覆盖率", numFmt: PERCENT },
      ],
      firstRows: postCoverage.map((c, i) => [
        i + 1,
        c.banner.name,
        c.banner.code,
        c.total,
        c.established,
        rateCell(c.rate),
      ]),
      totals: () => ["合计", null, null, total, established, ratioCell(established, total)],
      notes: ["注：覆盖率 = 已设统计岗位的单位数 ÷ 单位数（R1），保留两位小数的百分比。"],
    };
  },
};
