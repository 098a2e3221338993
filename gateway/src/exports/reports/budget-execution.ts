import { percentOf, sumFen } from "@grassroots/kit/validation";
import { cellNumber, fenOfYuan, wanYuanText } from "../money";
import { chinaToday, yearParam } from "../params";
import type { Cell, ExportReport } from "../report";
import { tableMeta } from "./common";
import { label, RuleStatusLabel } from "./labels";

/** R8's city-wide table and the names of the city, banners and districts in the caller's area. */
export const BUDGET_EXECUTION_QUERY = `query ExportBudgetExecution($year: Int!) {
  budgetExecution(year: $year) {
    unitId status budgeted dueToDate paid paidOnTime executionRate onTimeRate reason
  }
  orgUnits(filter: { kinds: [CITY, BANNER, DISTRICT] }, first: 50) {
    edges { node { id code name kind } }
  }
}`;

interface Execution {
  unitId: string;
  status: string;
  budgeted: string;
  dueToDate: string;
  paid: string;
  paidOnTime: string;
  executionRate: string | null;
  onTimeRate: string | null;
  reason: string;
}
interface Answer {
  budgetExecution: Execution[];
  orgUnits: { edges: { node: { id: string; code: string; name: string; kind: string } }[] };
}

const MONEY = ["budgeted", "dueToDate", "paid", "paidOnTime"] as const;
const wan = (fen: bigint) => cellNumber(wanYuanText(fen));
const rate = (text: string | null) => (text === null ? null : cellNumber(text));

export const budgetExecutionReport: ExportReport<{ year: number }> = {
  name: "budget-execution",
  meta: tableMeta("基统6表"),
  params: (query) => ({ year: yearParam(query, chinaToday().year) }),
  async open(run, { year }) {
    const answer = await run<Answer>(BUDGET_EXECUTION_QUERY, { year });
    const units = new Map(answer.orgUnits.edges.map((e) => [e.node.id, e.node]));
    // The city's row holds its own lines, including those it funds for a banner (counted again in
    // that banner's row): the total is the banners' and districts' rows only.
    const banners = answer.budgetExecution.filter((e) => units.get(e.unitId)?.kind !== "CITY");
    const sums = MONEY.map((k) => sumFen(banners.map((e) => fenOfYuan(e[k]))));
    const rows: Cell[][] = answer.budgetExecution.map((e, i) => {
      const unit = units.get(e.unitId);
      return [
        i + 1,
        unit ? (unit.kind === "CITY" ? `${unit.name}（市本级）` : unit.name) : e.unitId,
        unit?.code ?? "",
        ...MONEY.map((k) => wan(fenOfYuan(e[k]))),
        rate(e.executionRate),
        rate(e.onTimeRate),
        label(RuleStatusLabel, e.status),
        e.reason,
      ];
    });
    return {
      sheetName: "预算执行",
      title: `${year}年度基层统计工作经费预算执行情况表`,
      unit: "万元",
      columns: [
        { header: "序号" },
        { header: "单位名称" },
        { header: "单位代码" },
        { header: "预算安排", numFmt: "#,##0.00" },
        { header: "截至统计日应拨付", numFmt: "#,##0.00" },
        { header: "已拨付", numFmt: "#,##0.00" },
        { header: "按时足额拨付", numFmt: "#,##0.00" },
        { header: "执行率（%）", numFmt: "0.00" },
        { header: "按时拨付率（%）", numFmt: "0.00" },
        { header: "是否按时足额（R8）" },
        { header: "说明" },
      ],
      firstRows: rows,
      totals: () => [
        "旗区合计",
        null,
        null,
        ...sums.map(wan),
        rate(percentOf(sums[2], sums[0])),
        rate(percentOf(sums[3], sums[1])),
        null,
        null,
      ],
      notes: [
        "注：1. 金额单位为万元，由元（精确到分）四舍五入保留两位小数；合计按元精确求和后再折算，可能与分项之和略有差异。",
        "2. 市本级一行含市级安排给旗区的经费，已在受益旗区行中计列，不计入旗区合计。",
      ],
    };
  },
};
