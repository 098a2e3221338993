/**
 * A generated division file of about `units` rows under one city (province 15): a few banners, ten
 * township-level units each, the rest villages and communities spread over the townships. Codes and
 * kinds follow the glossary's ranges, so every row is valid; parents come before children.
 */
export function generatedDivisions(cityCode: string, units: number): string {
  const city = cityCode.slice(0, 4);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const lines = ["code,name,kind,parent_code", `${cityCode},样例市${city},CITY,`];
  const counties = Math.max(1, Math.ceil(units / 4000));
  const townships: string[] = [];
  for (let c = 0; c < counties; c++) {
    const county = `${city}${pad(21 + c, 2)}`;
    lines.push(`${county}000000,样例旗${county},BANNER,${cityCode}`);
    for (let t = 0; t < 10; t++) {
      const own = t < 2 ? 1 + t : t < 5 ? 100 + t : 200 + t;
      const kind = t < 2 ? "SUBDISTRICT" : t < 5 ? "TOWN" : "TOWNSHIP";
      const code = `${county}${pad(own, 3)}`;
      townships.push(code);
      lines.push(`${code}000,样例${kind}${code},${kind},${county}000000`);
    }
  }
  const villages = units - lines.length + 1;
  for (let v = 0; v < villages; v++) {
    const township = townships[v % townships.length];
    const n = Math.floor(v / townships.length);
    // 001–199 communities, 200–399 villages.
    const own = n < 199 ? 1 + n : 200 + (n - 199);
    const kind = n < 199 ? "COMMUNITY" : "VILLAGE";
    lines.push(`${township}${pad(own, 3)},样例${kind}${township}${pad(own, 3)},${kind},${township}000`);
  }
  return lines.join("\n");
}
