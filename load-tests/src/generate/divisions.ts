/**
 * Division CSVs (code,name,kind,parent_code) for organization's `import-divisions`, at the sizes the
 * issue names. Codes follow the glossary: 2 province + 2 city + 2 county + 3 township + 3 village
 * digits, county 01–20 DISTRICT and 21+ BANNER, township level 001–099 SUBDISTRICT, 100–199 TOWN,
 * 200–399 TOWNSHIP, village level 001–199 COMMUNITY, 200–399 VILLAGE. Every unit is named 样例… (sample).
 */

export interface ScaleShape {
  name: string;
  provinces: string[];
  cities: number;
  counties: number;
  townships: number;
  villages: number;
  /** Statisticians the issue names for the scale (personnel's seed decides the real number from the units). */
  statisticians: number;
}

/** The 31 province-level codes of the mainland. */
const PROVINCES = [
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
];

export const SCALES: Record<"city" | "province" | "national", ScaleShape> = {
  // The real Ordos tree (organization's seed): 9 banners/districts, 88 township-level units, ~1,000 village-level units.
  city: {
    name: "city",
    provinces: ["15"],
    cities: 1,
    counties: 9,
    townships: 88,
    villages: 1000,
    statisticians: 2000,
  },
  province: {
    name: "province",
    provinces: ["15"],
    cities: 12,
    counties: 100,
    townships: 1000,
    villages: 14000,
    statisticians: 25000,
  },
  national: {
    name: "national",
    provinces: PROVINCES,
    cities: 340,
    counties: 2800,
    townships: 38000,
    villages: 600000,
    statisticians: 1000000,
  },
};

/** n items spread over k groups as evenly as possible: group i gets this many. */
const share = (n: number, k: number, i: number) => Math.floor(n / k) + (i < n % k ? 1 : 0);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

export interface DivisionRow {
  code: string;
  name: string;
  kind: string;
  parentCode: string;
}

/** Township-level codes of a county: a few sub-districts, then towns, then townships. */
function townshipKind(i: number): { own: number; kind: string } {
  if (i < 3) return { own: 1 + i, kind: "SUBDISTRICT" };
  if (i < 3 + 99) return { own: 100 + (i - 3), kind: "TOWN" };
  return { own: 200 + (i - 102), kind: "TOWNSHIP" };
}

/** Every row of a scale, parents before children (the importer sorts by level anyway). */
export function* divisionRows(scale: ScaleShape): Generator<DivisionRow> {
  const cityCodes: string[] = [];
  scale.provinces.forEach((province, p) => {
    for (let c = 0; c < share(scale.cities, scale.provinces.length, p); c++)
      cityCodes.push(`${province}${pad(c + 1, 2)}`);
  });
  for (const city of cityCodes)
    yield { code: `${city}00000000`, name: `样例市${city}`, kind: "CITY", parentCode: "" };
  const countyCodes: string[] = [];
  cityCodes.forEach((city, ci) => {
    const n = share(scale.counties, cityCodes.length, ci);
    for (let k = 0; k < n; k++) {
      // Two districts, then banners numbered from 21 (as in Ordos).
      const own = k < 2 ? k + 2 : 21 + (k - 2);
      const code = `${city}${pad(own, 2)}`;
      countyCodes.push(code);
    }
  });
  for (const county of countyCodes) {
    const own = Number(county.slice(4, 6));
    yield {
      code: `${county}000000`,
      name: `样例${own <= 20 ? "区" : "旗"}${county}`,
      kind: own <= 20 ? "DISTRICT" : "BANNER",
      parentCode: `${county.slice(0, 4)}00000000`,
    };
  }
  const townshipCodes: { code: string; kind: string }[] = [];
  countyCodes.forEach((county, ki) => {
    const n = share(scale.townships, countyCodes.length, ki);
    for (let t = 0; t < n; t++) {
      const { own, kind } = townshipKind(t);
      townshipCodes.push({ code: `${county}${pad(own, 3)}`, kind });
    }
  });
  for (const t of townshipCodes) {
    yield {
      code: `${t.code}000`,
      name: `样例${t.kind === "SUBDISTRICT" ? "街道" : t.kind === "TOWN" ? "镇" : "乡"}${t.code.slice(4)}`,
      kind: t.kind,
      parentCode: `${t.code.slice(0, 6)}000000`,
    };
  }
  for (let ti = 0; ti < townshipCodes.length; ti++) {
    const t = townshipCodes[ti];
    const n = share(scale.villages, townshipCodes.length, ti);
    for (let v = 0; v < n; v++) {
      const community = t.kind === "SUBDISTRICT" || v < 2;
      const own = community ? v + 1 : 200 + v;
      yield {
        code: `${t.code}${pad(own, 3)}`,
        name: `样例${community ? "社区" : "村"}${t.code.slice(4)}${pad(own, 3)}`,
        kind: community ? "COMMUNITY" : "VILLAGE",
        parentCode: `${t.code}000`,
      };
    }
  }
}

export function divisionCsv(scale: ScaleShape): string {
  const lines = ["code,name,kind,parent_code"];
  for (const row of divisionRows(scale)) lines.push(`${row.code},${row.name},${row.kind},${row.parentCode}`);
  return `${lines.join("\n")}\n`;
}
