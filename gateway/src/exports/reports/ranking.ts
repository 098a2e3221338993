import { cellNumber } from "../money";
import { chinaToday, unitIdParam, yearParam } from "../params";
import { ExportRefusal, type ExportReport } from "../report";
import { tableMeta } from "./common";

/** R12: the latest ranking an owner (the city's bureau by default: the caller's unit) published for a year. */
export const RANKING_QUERY = `query ExportRanking($year: Int!, $ownerUnitId: ID!) {
  assessmentRanking(year: $year, ownerUnitId: $ownerUnitId) {
    revision publishedAt publishedByName
    scheme { name version }
    results { rank unitName unitCode score grade }
  }
}`;

interface Ranking {
  revision: number;
  publishedAt: string;
  publishedByName: string;
  scheme: { name: string; version: number };
  results: { rank: number; unitName: string; unitCode: string; score: string; grade: string | null }[];
}

export const rankingReport: ExportReport<{ year: number; ownerUnitId: string }> = {
  name: "ranking",
  meta: tableMeta("基统9表"),
  params: (query, caller) => ({
    year: yearParam(query, chinaToday().year),
    ownerUnitId: unitIdParam(query, "unitId", caller.orgUnitId),
  }),
  async open(run, { year, ownerUnitId }) {
    const { assessmentRanking: ranking } = await run<{ assessmentRanking: Ranking | null }>(RANKING_QUERY, {
      year,
      ownerUnitId,
    });
    if (!ranking)
      throw new ExportRefusal("NOT_FOUND", `No ranking has been published for ${year} by that unit.`);
    return {
      sheetName: "考核排名",
      title: `${year}年度${ranking.scheme.name}考核结果排名表`,
      unit: "个",
      columns: [
        { header: "名次" },
        { header: "单位名称" },
        { header: "单位代码" },
        { header: "得分", numFmt: "0.00" },
        { header: "等次" },
      ],
      firstRows: ranking.results.map((r) => [
        r.rank,
        r.unitName,
        r.unitCode,
        cellNumber(r.score),
        r.grade ?? "",
      ]),
      notes: [
        `注：得分为百分制（两位小数），同分同名次。方案第${ranking.scheme.version}版，第${ranking.revision}次发布，发布人${ranking.publishedByName}，发布时间${ranking.publishedAt}。`,
      ],
    };
  },
};
