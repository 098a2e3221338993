import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { createOrgUnitProjectionTable, dropOrgUnitProjectionTable, pathUnder } from "../src";
import { openDatabase } from "./support";

// #15: a banner's subtree joined on its row (personnel's staffing) must be an index range on the
// projection, not a scan of every unit: at national scale that is 641,140 rows per call.

class Projection1764100000000 implements MigrationInterface {
  name = "Projection1764100000000";
  up = (q: QueryRunner) => createOrgUnitProjectionTable(q);
  down = (q: QueryRunner) => dropOrgUnitProjectionTable(q);
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("#15 pathUnder: a subtree whose prefix is a column", () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const city = uuid(1);
  const banners = [uuid(2), uuid(3)];

  beforeAll(async () => {
    ({ dataSource, close } = await openDatabase([Projection1764100000000]));
    // A city, two banners, 30 townships each: ids chosen so that byte order interleaves nothing.
    const rows: unknown[][] = [[city, "150600000000", "CITY", null, `${city}/`, 0]];
    banners.forEach((b, i) => {
      rows.push([b, `15062${i + 1}000000`, "BANNER", city, `${city}/${b}/`, 1]);
      for (let t = 0; t < 30; t++) {
        const id = uuid(100 + i * 100 + t);
        rows.push([id, `15062${i + 1}${String(100 + t)}000`, "TOWN", b, `${city}/${b}/${id}/`, 2]);
      }
    });
    for (const [id, code, kind, parent, path, depth] of rows)
      await dataSource.query(
        `INSERT INTO org_unit (id, code, name, kind, parent_id, path, depth, register_count, active, version)
         VALUES ($1, $2, $7, $3, $4, $5, $6, NULL, true, 1)`,
        [id, code, kind, parent, path, depth, `单位 ${code}`],
      );
    await dataSource.query(`ANALYZE org_unit`);
  });
  afterAll(() => close());

  const subtree = (condition: string) =>
    `WITH b AS (SELECT * FROM org_unit WHERE id = $1) SELECT u.id FROM b JOIN org_unit u ON ${condition} ORDER BY u.id`;

  it("#15: selects exactly what path LIKE prefix || '%' selects, the banner itself included", async () => {
    for (const banner of banners) {
      const ranged = await dataSource.query(subtree(pathUnder("u.path", "b.path")), [banner]);
      const liked = await dataSource.query(subtree(`u.path LIKE b.path || '%'`), [banner]);
      expect(ranged).toEqual(liked);
      expect(ranged).toHaveLength(31);
    }
  });

  it("#15: is an index range on org_unit_path_prefix_idx where the LIKE join can only scan", async () => {
    const plan = async (condition: string) =>
      dataSource.transaction(async (m) => {
        // A small table makes a scan the cheaper plan anyway: forbid it to see whether the index can serve.
        await m.query(`SET LOCAL enable_seqscan = off`);
        await m.query(`SET LOCAL enable_bitmapscan = off`);
        const rows = await m.query(`EXPLAIN ${subtree(condition)}`, [banners[0]]);
        return rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
      });
    const ranged = await plan(pathUnder("u.path", "b.path"));
    expect(ranged).toMatch(/Index (Only )?Scan using org_unit_path_prefix_idx on org_unit u/);
    expect(ranged).toMatch(
      /Index Cond: \(\(path ~>=~ [\w.]*path\) AND \(path ~<~ \([\w.]*path \|\| '~'::text\)\)\)/,
    );
    const liked = await plan(`u.path LIKE b.path || '%'`);
    expect(liked).not.toMatch(/Index Cond: .*path ~>=~/);
  });
});
