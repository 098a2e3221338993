import type { EntityManager } from "typeorm";
import type { AssignmentState, Post, StatisticianRef, StatisticianState } from "../../domain/directory";
import type { StatisticianStore } from "../../domain/ports";
import { StatisticianProjection } from "../entities/statistician.entity";
import { POST_PATH } from "./post.sql";

/**
 * The projection of personnel's statisticians and posts inside a transaction: commands read who
 * serves where; the reactions to personnel's events write it. Every upsert is guarded by the source's
 * version: only a newer state applies.
 */
export class TypeOrmStatisticianStore implements StatisticianStore {
  constructor(private readonly manager: EntityManager) {}

  async named(ids: readonly string[]): Promise<StatisticianRef[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager
      .createQueryBuilder(StatisticianProjection, "s")
      .where("s.id IN (:...ids)", { ids })
      .getMany();
    return rows.map(({ id, name }) => ({ id, name }));
  }

  posts(statisticianIds: readonly string[]): Promise<Post[]> {
    if (statisticianIds.length === 0) return Promise.resolve([]);
    return this.manager.query(
      `SELECT a.id AS "assignmentId", a.statistician_id AS "statisticianId", a.org_unit_id AS "orgUnitId",
              ${POST_PATH("a", "u")} AS path, a.role, a.status
         FROM statistician_assignment a LEFT JOIN org_unit u ON u.id = a.org_unit_id
        WHERE a.statistician_id = ANY($1::uuid[]) AND a.status <> 'ENDED'
        ORDER BY a.start_date`,
      [statisticianIds],
    );
  }

  async apply(s: StatisticianState): Promise<void> {
    await this.manager.query(
      `INSERT INTO statistician (id, name, version) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, projected_at = now()
       WHERE statistician.version < EXCLUDED.version`,
      [s.statisticianId, s.name, s.version],
    );
  }

  async applyAssignment(a: AssignmentState): Promise<void> {
    await this.manager.query(
      `INSERT INTO statistician_assignment
         (id, statistician_id, org_unit_id, org_unit_path, role, status, start_date, end_date, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET statistician_id = EXCLUDED.statistician_id, org_unit_id = EXCLUDED.org_unit_id,
         org_unit_path = EXCLUDED.org_unit_path, role = EXCLUDED.role, status = EXCLUDED.status,
         start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, version = EXCLUDED.version, projected_at = now()
       WHERE statistician_assignment.version < EXCLUDED.version`,
      [
        a.assignmentId,
        a.statisticianId,
        a.orgUnitId,
        a.orgUnitPath,
        a.role,
        a.status,
        a.startDate,
        a.endDate,
        a.version,
      ],
    );
  }
}
