import { cellNumber } from "../money";
import { chinaToday, unitIdParam, yearParam } from "../params";
import type { Cell, ExportReport } from "../report";
import { tableMeta } from "./common";
import { label, RuleStatusLabel } from "./labels";

/** R13's compliance picture of a unit: its own scorecard, then the active units below it, worst first. */
export const SCORECARD_QUERY = `query ExportScorecard($year: Int!, $unitId: ID!) {
  complianceScorecard(year: $year, unitId: $unitId) {
    year
    unit { ...Card }
    units { ...Card }
  }
}
fragment Card on UnitScorecard {
  unitName unitCode score openFindings overdueFindings
  rules { rule status }
}`;

// Column per rule, in the order of the rule ids (the scorecard's own list).
const RULES = [
  "R1.post-established",
  "R2.standardization",
  "R3.township-staffing",
  "R4.village-staffing",
  "R5.filing-timeliness",
  "R6.city-obligation",
  "R6.banner-coverage",
  "R7.pending-training",
  "R8.funds-on-time-in-full",
  "R11.meeting-problems",
  "R13.rectification",
] as const;

interface Card {
  unitName: string;
  unitCode: string;
  score: string | null;
  openFindings: number;
  overdueFindings: number;
  rules: { rule: string; status: string }[];
}

const rowOf = (seq: Cell, card: Card): Cell[] => {
  const byRule = new Map(card.rules.map((r) => [r.rule, r.status]));
  return [
    seq,
    card.unitName,
    card.unitCode,
    card.score === null ? null : cellNumber(card.score),
    ...RULES.map((r) => label(RuleStatusLabel, byRule.get(r) ?? "NOT_APPLICABLE")),
    card.openFindings,
    card.overdueFindings,
  ];
};

export const scorecardReport: ExportReport<{ year: number; unitId: string }> = {
  name: "scorecard",
  meta: tableMeta("基统8表"),
  params: (query, caller) => ({
    year: yearParam(query, chinaToday().year),
    unitId: unitIdParam(query, "unitId", caller.orgUnitId),
  }),
  async open(run, { year, unitId }) {
    const { complianceScorecard: picture } = await run<{
      complianceScorecard: { year: number; unit: Card; units: Card[] };
    }>(SCORECARD_QUERY, { year, unitId });
    const rows = [rowOf("本级", picture.unit), ...picture.units.map((c, i) => rowOf(i + 1, c))];
    const open = picture.units.reduce((n, c) => n + c.openFindings, 0);
    const overdue = picture.units.reduce((n, c) => n + c.overdueFindings, 0);
    return {
      sheetName: "合规评分",
      title: `${picture.year}年度基层统计规范化合规评分表`,
      unit: "个",
      columns: [
        { header: "序号" },
        { header: "单位名称" },
        { header: "单位代码" },
        { header: "得分", numFmt: "0.00" },
        ...RULES.map((header) => ({ header })),
        { header: "未整改问题" },
        { header: "逾期未整改" },
      ],
      firstRows: rows,
      totals: () => ["下级合计", null, null, null, ...RULES.map(() => null), open, overdue],
      notes: [
        "注：得分为百分制，按达标规则权重占适用规则权重之比计算（两位小数）；下级按得分由低到高排列。问题数单位为个。",
      ],
    };
  },
};
