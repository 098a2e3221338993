import { formatMoney, sumFen } from "@grassroots/kit/validation";
import { cellNumber, fenOfYuan } from "../money";
import { requiredIdParam } from "../params";
import type { ExportReport } from "../report";
import { tableMeta } from "./common";

/** R9: a round of the city's 以奖代补 programme: each banner's score, grade, allocation and what is paid. */
export const AWARD_ALLOCATION_QUERY = `query ExportAwardAllocation($roundId: ID!) {
  allocationRound(id: $roundId) {
    fiscalYear status computation remainder approvedByName
    allocations { unitCode unitName score grade amount paid }
  }
}`;

interface Round {
  fiscalYear: number;
  status: string;
  computation: number;
  remainder: string | null;
  approvedByName: string | null;
  allocations: {
    unitCode: string;
    unitName: string;
    score: string;
    grade: string | null;
    amount: string;
    paid: string;
  }[];
}

const yuan = (fen: bigint) => cellNumber(formatMoney(fen));

export const awardAllocationReport: ExportReport<{ roundId: string }> = {
  name: "award-allocation",
  meta: tableMeta("基统7表"),
  params: (query) => ({ roundId: requiredIdParam(query, "roundId") }),
  async open(run, { roundId }) {
    const { allocationRound: r } = await run<{ allocationRound: Round }>(AWARD_ALLOCATION_QUERY, { roundId });
    const amount = sumFen(r.allocations.map((a) => fenOfYuan(a.amount)));
    const paid = sumFen(r.allocations.map((a) => fenOfYuan(a.paid)));
    return {
      sheetName: "以奖代补分配",
      title: `${r.fiscalYear}年度基层统计工作以奖代补资金分配表`,
      unit: "元",
      columns: [
        { header: "序号" },
        { header: "旗区" },
        { header: "区划代码" },
        { header: "考核得分", numFmt: "0.00" },
        { header: "等次" },
        { header: "分配金额", numFmt: "#,##0.00" },
        { header: "已拨付", numFmt: "#,##0.00" },
        { header: "未拨付", numFmt: "#,##0.00" },
      ],
      firstRows: r.allocations.map((a, i) => [
        i + 1,
        a.unitName,
        a.unitCode,
        cellNumber(a.score),
        a.grade,
        yuan(fenOfYuan(a.amount)),
        yuan(fenOfYuan(a.paid)),
        yuan(fenOfYuan(a.amount) - fenOfYuan(a.paid)),
      ]),
      totals: () => ["合计", null, null, null, null, yuan(amount), yuan(paid), yuan(amount - paid)],
      notes: [
        `注：金额单位为元，精确到分。第${r.computation}次测算，状态${r.status}${r.approvedByName ? `，审批人${r.approvedByName}` : ""}；未分配余额${r.remainder ?? "0.00"}元。`,
      ],
    };
  },
};
