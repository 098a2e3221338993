import type { EntityManager } from "typeorm";
import type { PostRef, StatisticianStore } from "../../domain/ports";

/** A post's unit path: the org projection's (units move), else the one the assignment event carried. */
const POST_PATH = `coalesce((SELECT u.path FROM org_unit u WHERE u.id = a.org_unit_id), a.org_unit_path)`;
const IN_FORCE = `a.status = 'ACTIVE' AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)`;

/** Personnel's people and posts: version-guarded upserts (a redelivered or older event changes nothing). */
export class TypeOrmStatisticianStore implements StatisticianStore {
  constructor(private readonly manager: EntityManager) {}

  async apply(s: { statisticianId: string; name: string; version: number }): Promise<void> {
    await this.manager.query(
      `INSERT INTO statistician AS s (id, name, version) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, projected_at = now()
       WHERE s.version < EXCLUDED.version`,
      [s.statisticianId, s.name, s.version],
    );
  }

  async applyAssignment(a: PostRef & { version: number }): Promise<void> {
    await this.manager.query(
      `INSERT INTO statistician_assignment AS x (id, statistician_id, org_unit_id, org_unit_path, status, start_date, end_date, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET statistician_id = EXCLUDED.statistician_id, org_unit_id = EXCLUDED.org_unit_id,
         org_unit_path = EXCLUDED.org_unit_path, status = EXCLUDED.status, start_date = EXCLUDED.start_date,
         end_date = EXCLUDED.end_date, version = EXCLUDED.version, projected_at = now()
       WHERE x.version < EXCLUDED.version`,
      [
        a.assignmentId,
        a.statisticianId,
        a.orgUnitId,
        a.orgUnitPath,
        a.status,
        a.startDate,
        a.endDate,
        a.version,
      ],
    );
  }

  activePosts(statisticianId: string, date: string): Promise<PostRef[]> {
    return this.manager.query(
      `SELECT a.id AS "assignmentId", a.statistician_id AS "statisticianId", a.org_unit_id AS "orgUnitId",
              ${POST_PATH} AS "orgUnitPath", a.status, a.start_date::text AS "startDate", a.end_date::text AS "endDate"
         FROM statistician_assignment a WHERE a.statistician_id = $1 AND ${IN_FORCE}`,
      [statisticianId, date],
    );
  }

  async staffCount(path: string, date: string): Promise<number> {
    const [row] = await this.manager.query(
      `SELECT count(DISTINCT a.statistician_id)::int AS n FROM statistician_assignment a
        WHERE ${IN_FORCE} AND ${POST_PATH} LIKE $1 || '%'`,
      [path, date],
    );
    return row.n;
  }
}
