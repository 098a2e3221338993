import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 15: R6's staff counts find the posts at units not projected yet by the path their event
 * carried, as an index range under the banner's or subtree's path (pathUnder), instead of reading
 * every post of the country for one city's dashboard.
 */
export class PostPathIndex1765400000000 implements MigrationInterface {
  name = "PostPathIndex1765400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX statistician_assignment_path_idx ON statistician_assignment (org_unit_path text_pattern_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX statistician_assignment_path_idx`);
  }
}
