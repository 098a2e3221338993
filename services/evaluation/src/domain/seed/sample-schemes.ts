import type { SchemeInput } from "../scheme";

/** The sample schemes the seed defines (flagged isSample): the city's for banners, a banner's for its townships. */

export const sampleCityScheme = (year: number): SchemeInput => ({
  name: `示例：${year}年度旗区统计基层基础工作考核`,
  year,
  subjectKinds: ["BANNER", "DISTRICT"],
  cutOffDate: `${year}-12-31`,
  indicators: [
    {
      code: "A1",
      name: "统计岗位设立率",
      weight: "15",
      kind: "AUTO",
      metric: "post-coverage",
      scoring: { function: "LINEAR", lower: "60", upper: "100" },
    },
    {
      code: "A2",
      name: "统计人员配备达标率",
      weight: "20",
      kind: "AUTO",
      metric: "staffing-compliance",
      scoring: { function: "LINEAR", lower: "50", upper: "100" },
    },
    {
      code: "A3",
      name: "规范化建设完成率",
      weight: "15",
      kind: "AUTO",
      metric: "standardization-completion",
      scoring: {
        function: "STEP",
        bands: [
          { from: "0", to: "60", percent: "0" },
          { from: "60", to: "80", percent: "60" },
          { from: "80", to: "100", percent: "100" },
        ],
      },
    },
    {
      code: "A4",
      name: "超期未培训岗位",
      weight: "10",
      kind: "AUTO",
      metric: "posts-pending-training",
      scoring: { function: "DEDUCTION", perOccurrence: "2", floor: "0" },
    },
    {
      code: "A5",
      name: "经费按时足额到位",
      weight: "10",
      kind: "AUTO",
      metric: "budget-execution",
      scoring: { function: "LINEAR", lower: "0", upper: "100" },
    },
    {
      code: "M1",
      name: "统计基础台账",
      weight: "30",
      kind: "MANUAL",
      maxScore: "100",
      guide: "台账齐全、记录规范得满分；缺一项扣10分",
      evidenceRequired: true,
    },
  ],
  adjustments: [
    { code: "B1", name: "创新工作加分", kind: "BONUS", cap: "3" },
    { code: "D1", name: "统计违法违规扣分", kind: "DEDUCTION", cap: "5" },
  ],
  grades: [
    { grade: "优秀", minScore: "90" },
    { grade: "良好", minScore: "80" },
    { grade: "合格", minScore: "60" },
    { grade: "不合格", minScore: "0" },
  ],
});

export const sampleBannerScheme = (year: number, bannerName: string): SchemeInput => ({
  name: `示例：${bannerName}${year}年度苏木乡镇（街道）统计工作考核`,
  year,
  subjectKinds: ["TOWN", "TOWNSHIP", "SUMU", "SUBDISTRICT"],
  cutOffDate: `${year}-12-31`,
  indicators: [
    {
      code: "A1",
      name: "统计人员配备",
      weight: "33.3",
      kind: "AUTO",
      metric: "staffing-compliance",
      scoring: { function: "LINEAR", lower: "0", upper: "100" },
    },
    {
      code: "A2",
      name: "报表报送及时率",
      weight: "33.3",
      kind: "AUTO",
      metric: "filing-timeliness",
      scoring: { function: "LINEAR", lower: "50", upper: "100" },
    },
    {
      code: "M1",
      name: "基层统计台账",
      weight: "33.4",
      kind: "MANUAL",
      maxScore: "10",
      guide: "抽查台账，按完整性评分",
      evidenceRequired: false,
    },
  ],
  grades: [
    { grade: "优秀", minScore: "90" },
    { grade: "合格", minScore: "60" },
    { grade: "不合格", minScore: "0" },
  ],
});

/** A number 0…n-1 from a division code: the sample's dates and scores are stable per unit. */
export const codeNumber = (code: string, n: number): number => Number(code.slice(2, 9)) % n;
