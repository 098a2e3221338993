import { createHash } from "node:crypto";
import type { OrgUnitKind } from "../org-unit";
import type { NewStandard } from "../standardization";
import type { DivisionRow } from "../import/csv";

/**
 * Generated sample data for development and demonstrations. Every generated unit is marked
 * is_sample = true and named 样例…; nothing here is real except the township list it hangs from.
 */

/** A stable number in [0, 1) from a string, so the same seed gives the same data every time. */
export const stableFraction = (key: string): number =>
  createHash("sha1").update(key).digest().readUInt32BE(0) / 2 ** 32;

export const SAMPLE_POST_DATE = "2022-09-01";
export const SAMPLE_REGISTER_AS_OF = "2022-10-31";

const NAME: Record<"COMMUNITY" | "VILLAGE" | "GACHA", string> = {
  COMMUNITY: "样例社区",
  VILLAGE: "样例村",
  GACHA: "样例嘎查",
};

/** What a township-level unit of each kind gets: [communities, then villages or gachas]. */
function mix(kind: OrgUnitKind, count: number): OrgUnitKind[] {
  const rural: OrgUnitKind = kind === "SUMU" ? "GACHA" : "VILLAGE";
  const communities = kind === "SUBDISTRICT" ? count : kind === "TOWN" ? 2 : kind === "SUMU" ? 1 : 0;
  return [
    ...Array<OrgUnitKind>(communities).fill("COMMUNITY"),
    ...Array<OrgUnitKind>(count - communities).fill(rural),
  ];
}

/**
 * 11 or 12 village-level units under each SUBDISTRICT/TOWN/TOWNSHIP/SUMU row: communities under
 * sub-districts, a couple of communities and then villages under towns, gachas under sumu. Codes use
 * the glossary ranges (001–199 community, 200–399 village/gacha); about 85% have a post established.
 */
export function sampleVillageRows(townships: readonly Pick<DivisionRow, "code" | "kind">[]): DivisionRow[] {
  const rows: DivisionRow[] = [];
  townships
    .filter(
      (t) => t.kind === "SUBDISTRICT" || t.kind === "TOWN" || t.kind === "TOWNSHIP" || t.kind === "SUMU",
    )
    .forEach((township, index) => {
      const counters = { COMMUNITY: 0, VILLAGE: 0, GACHA: 0 };
      for (const kind of mix(township.kind!, 11 + (index % 2)) as ("COMMUNITY" | "VILLAGE" | "GACHA")[]) {
        const n = ++counters[kind];
        const own = kind === "COMMUNITY" ? n : 200 + n;
        const code = township.code.slice(0, 9) + String(own).padStart(3, "0");
        const established = stableFraction(`post:${code}`) < 0.85;
        rows.push({
          line: 0,
          code,
          name: `${NAME[kind]}${String(n).padStart(3, "0")}`,
          kind,
          parentCode: township.code,
          isSample: true,
          postEstablished: established,
          postEstablishedOn: established ? SAMPLE_POST_DATE : undefined,
        });
      }
    });
  return rows;
}

/** About 90% of real township-level units get a sample statistics post (R1), so coverage is realistic. */
export const hasSamplePost = (code: string): boolean => stableFraction(`post:${code}`) < 0.9;

/** A sample basic-unit register count for a township: 300–2,599, so roughly half reach R3's 1,500. */
export const sampleRegisterCount = (code: string): number =>
  300 + Math.floor(stableFraction(`register:${code}`) * 2300);

const HAVES: [string, string, string][] = [
  ["HAVE_RULES", "有制度", "rules"],
  ["HAVE_STAFF", "有人员", "staff"],
  ["HAVE_DUTIES", "有职责", "duties"],
  ["HAVE_FUNDING", "有经费", "funding"],
  ["HAVE_PREMISES", "有场地", "premises"],
  ["HAVE_EQUIPMENT", "有设备", "equipment"],
  ["HAVE_NETWORK", "有网络", "network"],
  ["HAVE_LEDGERS", "有台账", "ledgers"],
];

const IZATIONS: [string, string, string][] = [
  ["RULE_BASED_MANAGEMENT", "统计管理制度化", "rule-based management"],
  ["PROFESSIONAL_STAFF", "统计人员专业化", "professional staff"],
  ["STANDARD_REPORTS", "统计报表标准化", "standard reports"],
  ["ARCHIVED_RECORDS", "统计资料档案化", "archived records"],
  ["MODERN_TOOLS", "统计手段现代化", "modern tools"],
  ["RULE_OF_LAW", "统计工作法治化", "rule of law"],
  ["REGULAR_PUBLICITY", "统计宣传经常化", "regular publicity"],
  ["QUALITY_SERVICE", "统计服务优质化", "quality service"],
];

/**
 * The shipped SAMPLE standard: the Hebei (Shijiazhuang) 2018 八有八化 items. It is another province's
 * version, loaded so the platform can be exercised until Inner Mongolia's 2022 revision is entered.
 */
export const SAMPLE_STANDARD: NewStandard = {
  code: "SAMPLE-HEBEI-8Y8H",
  version: 1,
  title: "八有八化 统计工作规范化建设标准（样例：河北石家庄 2018 版）",
  source:
    "SAMPLE from another province: Hebei (Shijiazhuang) 2018 version, see standardization-8-8.md. " +
    "Not Inner Mongolia's 2022 revised standard, whose item list is not public.",
  effectiveFrom: "2018-01-01",
  isSample: true,
  items: [
    ...HAVES.map(([code, nameZh, nameEn], i) => ({
      ordinal: i + 1,
      group: "HAVE" as const,
      code,
      nameZh,
      nameEn,
      description: null,
    })),
    ...IZATIONS.map(([code, nameZh, nameEn], i) => ({
      ordinal: HAVES.length + i + 1,
      group: "IZATION" as const,
      code,
      nameZh,
      nameEn,
      description: null,
    })),
  ],
};
