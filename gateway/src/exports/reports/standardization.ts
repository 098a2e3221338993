import { chinaToday, yearParam } from "../params";
import type { ExportReport } from "../report";
import { PERCENT, rateCell, ratioCell, sum, tableMeta } from "./common";

/** R2: 八有八化 progress per banner in the caller's area, as of the end of the year. */
export const STANDARDIZATION_QUERY = `query ExportStandardization($year: Int!) {
  standardizationSummary(year: $year) {
    banner { code name } asOf townships assessed standardized completionRate recognized itemsMet itemsAssessed itemShare
  }
}`;

interface Summary {
  banner: { code: string; name: string };
  asOf: string;
  townships: number;
  assessed: number;
  standardized: number;
  completionRate: number | null;
  recognized: number;
  itemsMet: number;
  itemsAssessed: number;
  itemShare: number | null;
}

export const standardizationReport: ExportReport<{ year: number }> = {
  name: "standardization",
  meta: tableMeta("基统3表"),
  params: (query) => ({ year: yearParam(query, chinaToday().year) }),
  async open(run, { year }) {
    const { standardizationSummary: rows } = await run<{ standardizationSummary: Summary[] }>(
      STANDARDIZATION_QUERY,
      { year },
    );
    const t = (of: (s: Summary) => number) => sum(rows, of);
    return {
      sheetName: "八有八化",
      title: `${year}年度乡镇（街道）统计站所“八有八化”规范化建设进展情况表`,
      unit: "个",
      columns: [
        { header: "序号" },
        { header: "旗区" },
        { header: "区划代码" },
        { header: "乡镇（街道）数" },
        { header: "已评估" },
        { header: "达标" },
        { header: "达标率", numFmt: PERCENT },
        { header: "认定" },
        { header: "达标项次" },
        { header: "评估项次" },
        { header: "项次达标率", numFmt: PERCENT },
      ],
      firstRows: rows.map((s, i) => [
        i + 1,
        s.banner.name,
        s.banner.code,
        s.townships,
        s.assessed,
        s.standardized,
        rateCell(s.completionRate),
        s.recognized,
        s.itemsMet,
        s.itemsAssessed,
        rateCell(s.itemShare),
      ]),
      totals: () => [
        "合计",
        null,
        null,
        t((s) => s.townships),
        t((s) => s.assessed),
        t((s) => s.standardized),
        ratioCell(
          t((s) => s.standardized),
          t((s) => s.townships),
        ),
        t((s) => s.recognized),
        t((s) => s.itemsMet),
        t((s) => s.itemsAssessed),
        ratioCell(
          t((s) => s.itemsMet),
          t((s) => s.itemsAssessed),
        ),
      ],
      notes: [
        `注：截至${rows[0]?.asOf ?? `${year}-12-31`}，按各乡镇（街道）最近一次评估统计；达标率 = 达标数 ÷ 乡镇（街道）数。`,
      ],
    };
  },
};
