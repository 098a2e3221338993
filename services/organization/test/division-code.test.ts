import { readFileSync } from "node:fs";
import {
  checkChildCode,
  checkKindFitsCode,
  inferKind,
  levelOfCode,
  parentCodeOf,
  recode,
} from "../src/domain/division-code";
import { parseDivisionCsv } from "../src/domain/import/csv";
import { CHILD_KINDS } from "../src/domain/hierarchy";
import { ORDOS_CSV } from "./support/harness";

describe("division code rules (pure)", () => {
  const rows = parseDivisionCsv(readFileSync(ORDOS_CSV, "utf8"));

  it("accept every row of the real ordos-divisions.csv with its stated kind, which inference reproduces", () => {
    expect(rows).toHaveLength(98);
    for (const row of rows) {
      expect(() => checkKindFitsCode(row.kind!, row.code)).not.toThrow();
      expect(inferKind(row.code, row.name)).toBe(row.kind);
      const parent = rows.find((r) => r.code === row.parentCode);
      if (parent) {
        expect(() => checkChildCode(parent.code, row.code)).not.toThrow();
        expect(CHILD_KINDS[parent.kind!]).toContain(row.kind);
        expect(parentCodeOf(row.code)).toBe(parent.code);
      }
    }
  });

  it("levels follow the deepest non-zero segment", () => {
    expect(levelOfCode("150600000000")).toBe("CITY");
    expect(levelOfCode("150621000000")).toBe("COUNTY");
    expect(levelOfCode("150621100000")).toBe("TOWNSHIP");
    expect(levelOfCode("150621100201")).toBe("VILLAGE");
    expect(() => levelOfCode("150600100000")).toThrow(/county digits 5–6 are zero/);
    expect(() => levelOfCode("150000000000")).toThrow(/province code/);
    expect(() => levelOfCode("1506210000AB")).toThrow(/12 digits/);
  });

  it("ranges per kind (GLOSSARY)", () => {
    expect(inferKind("150621001000")).toBe("SUBDISTRICT");
    expect(inferKind("150621199000")).toBe("TOWN");
    expect(inferKind("150621250000", "某苏木")).toBe("SUMU");
    expect(inferKind("150621250000", "某乡")).toBe("TOWNSHIP");
    expect(inferKind("150621599000")).toBe("PARK");
    expect(() => inferKind("150621600000")).toThrow(/outside every township-level range/);
    expect(inferKind("150621100199")).toBe("COMMUNITY");
    expect(inferKind("150621100399", "某嘎查")).toBe("GACHA");
    expect(() => inferKind("150621100400")).toThrow(/outside every village-level range/);
    expect(inferKind("150602000000")).toBe("DISTRICT");
    expect(inferKind("150621000000")).toBe("BANNER");
  });

  it("recodes descendants when an ancestor's digits change", () => {
    expect(recode("150621108201", "150621108", "150622107")).toBe("150622107201");
  });
});
