import { unitIdParam } from "../params";
import type { ExportReport } from "../report";
import { sum, tableMeta } from "./common";

/** R3/R4: every unit of a banner with a staffing gap, in code order (a fixed number of statements). */
export const STAFFING_GAPS_QUERY = `query ExportStaffingGaps($bannerId: ID!) {
  staffingGaps(bannerId: $bannerId) {
    banner { code name }
    unitsEvaluated compliantUnits
    units {
      unitCode unitName registerCount
      staffing {
        counts { active activeFullTimeInEstablishment activeLiaisons pending }
        gaps { rule description required actual }
      }
    }
  }
}`;

interface Gaps {
  banner: { code: string; name: string };
  unitsEvaluated: number;
  compliantUnits: number;
  units: {
    unitCode: string;
    unitName: string;
    registerCount: number | null;
    staffing: {
      counts: {
        active: number;
        activeFullTimeInEstablishment: number;
        activeLiaisons: number;
        pending: number;
      };
      gaps: { rule: string; description: string; required: number; actual: number }[];
    };
  }[];
}

export const staffingGapsReport: ExportReport<{ bannerId: string }> = {
  name: "staffing-gaps",
  meta: tableMeta("基统4表"),
  params: (query, caller) => ({ bannerId: unitIdParam(query, "bannerId", caller.orgUnitId) }),
  async open(run, { bannerId }) {
    const { staffingGaps: g } = await run<{ staffingGaps: Gaps }>(STAFFING_GAPS_QUERY, { bannerId });
    const counts = (of: (c: Gaps["units"][number]["staffing"]["counts"]) => number) =>
      sum(g.units, (u) => of(u.staffing.counts));
    return {
      sheetName: "人员配备缺口",
      title: `${g.banner.name}基层统计人员配备缺口情况表`,
      unit: "人",
      columns: [
        { header: "序号" },
        { header: "单位名称" },
        { header: "区划代码" },
        { header: "名录库单位数（个）" },
        { header: "在岗人数" },
        { header: "其中：在编专职" },
        { header: "其中：统计联络员" },
        { header: "待岗前培训" },
        { header: "缺口（规则：要求/实有）" },
      ],
      firstRows: g.units.map((u, i) => [
        i + 1,
        u.unitName,
        u.unitCode,
        u.registerCount,
        u.staffing.counts.active,
        u.staffing.counts.activeFullTimeInEstablishment,
        u.staffing.counts.activeLiaisons,
        u.staffing.counts.pending,
        u.staffing.gaps.map((x) => `${x.rule} ${x.description}：${x.required}/${x.actual}`).join("；"),
      ]),
      totals: () => [
        "合计",
        `${g.units.length}个单位`,
        null,
        null,
        counts((c) => c.active),
        counts((c) => c.activeFullTimeInEstablishment),
        counts((c) => c.activeLiaisons),
        counts((c) => c.pending),
        null,
      ],
      notes: [
        `注：${g.banner.name}参与R3/R4评价的单位${g.unitsEvaluated}个，其中达标${g.compliantUnits}个；本表列出有缺口的单位。`,
      ],
    };
  },
};
