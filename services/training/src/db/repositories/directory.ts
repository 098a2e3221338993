import type { EntityManager } from "typeorm";
import type { OrgUnitRef, Post, StatisticianRef } from "../../domain/directory";
import type { DirectoryStore } from "../../domain/ports";
import { OrgUnitProjection } from "../entities/directory.entity";

/**
 * The path of the unit an assignment is at: the org projection's current one (units move), or the
 * path the assignment event carried when the unit has not arrived yet.
 */
export const POST_PATH = (a: string, u: string) => `COALESCE(${u}.path, ${a}.org_unit_path)`;

/** An assignment in force: not ended (its end date, when set, not before `asOf`). */
export const IN_FORCE = (a: string, asOf: string) =>
  `(${a}.start_date <= ${asOf} AND (${a}.end_date IS NULL OR ${a}.end_date >= ${asOf}) AND (${a}.status <> 'ENDED' OR ${a}.end_date IS NOT NULL))`;

/** The projections as commands read them, inside the command's transaction. */
export class TypeOrmDirectoryStore implements DirectoryStore {
  constructor(private readonly manager: EntityManager) {}

  async unit(id: string): Promise<OrgUnitRef | undefined> {
    return (await this.manager.findOneBy(OrgUnitProjection, { id })) ?? undefined;
  }

  statisticians(ids: readonly string[]): Promise<StatisticianRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.query(`SELECT id, name FROM statistician WHERE id = ANY($1::uuid[])`, [ids]);
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
}
