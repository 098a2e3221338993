import type { Role } from "@grassroots/kit";
import type { Area } from "./access-policy";

// The units of the real Ordos tree the access matrix aims at, and who calls from where.

export const CITY = "150600000000"; // 鄂尔多斯市
export const DALATE = "150621000000"; // 达拉特旗
export const ZHUNGEER = "150622000000"; // 准格尔旗
export const SHULINZHAO = "150621100000"; // 树林召镇, 达拉特旗
export const XUEJIAWAN = "150622100000"; // 薛家湾镇, 准格尔旗
export const VILLAGE = "150621100201"; // 树林召村: created under 树林召镇 by the seed

/** Each unit's parent (codes). */
const PARENT: Record<string, string | undefined> = {
  [CITY]: undefined,
  [DALATE]: CITY,
  [ZHUNGEER]: CITY,
  [SHULINZHAO]: DALATE,
  [XUEJIAWAN]: ZHUNGEER,
  [VILLAGE]: SHULINZHAO,
};
export const UNITS = Object.keys(PARENT);

const ancestorsOf = (code: string): string[] => {
  const up: string[] = [];
  for (let p = PARENT[code]; p; p = PARENT[p]) up.push(p);
  return up;
};

/** Where `target` lies seen from a caller at `home`. */
export function relation(home: string, target: string): Area {
  if (home === target) return "own";
  if (ancestorsOf(target).includes(home)) return "below";
  if (ancestorsOf(home).includes(target)) return "above";
  return "sibling";
}

export interface Caller {
  role: Role;
  home: string;
  /** The unit the matrix aims at in each area (undefined: the caller has no such area, e.g. above the city). */
  targets: Partial<Record<Area, string>>;
}

const BANNER_TARGETS = { own: DALATE, below: SHULINZHAO, sibling: ZHUNGEER, above: CITY };

/** One caller per role: the city bureau at the city, the banner roles at 达拉特旗, the clerk at 树林召镇. */
export const CALLERS: readonly Caller[] = [
  { role: "CITY_ADMIN", home: CITY, targets: { own: CITY, below: DALATE } },
  { role: "BANNER_ADMIN", home: DALATE, targets: BANNER_TARGETS },
  { role: "FINANCE_OFFICER", home: DALATE, targets: BANNER_TARGETS },
  { role: "INSPECTOR", home: DALATE, targets: BANNER_TARGETS },
  {
    role: "UNIT_CLERK",
    home: SHULINZHAO,
    targets: { own: SHULINZHAO, below: VILLAGE, sibling: XUEJIAWAN, above: DALATE },
  },
];
