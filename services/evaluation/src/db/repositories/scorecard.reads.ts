import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { DataSource } from "typeorm";
import type { ScorecardReads, Scope } from "../../domain/ports";
import type { RuleStatusRow } from "../../domain/rule-status";
import type { FindingCounts } from "../../domain/scorecard";
import { RuleStatusEntity } from "../entities/rule-status.entity";

/** The scorecard's reads: each one statement for any number of units (a banner's picture is three). */
export class SqlScorecardReads implements ScorecardReads {
  constructor(private readonly dataSource: DataSource) {}

  units(ids: readonly string[], scope: Scope): Promise<OrgUnitProjection[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.id IN (:...ids)", { ids })
      .andWhere("u.path LIKE :scope || '%'", { scope })
      .getMany();
  }

  subtree(rootPath: string, scope: Scope): Promise<OrgUnitProjection[]> {
    return this.dataSource.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.path LIKE :root || '%'", { root: rootPath })
      .andWhere("u.path LIKE :scope || '%'", { scope })
      .andWhere("u.active")
      .orderBy("u.code")
      .getMany();
  }

  statuses(unitIds: readonly string[], year: number): Promise<RuleStatusRow[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(RuleStatusEntity, "s")
      .where("s.subject_unit_id IN (:...ids)", { ids: unitIds })
      .andWhere("s.period_key IN ('-', :year)", { year: String(year) })
      .getMany();
  }

  async findings(unitIds: readonly string[], today: string): Promise<Map<string, FindingCounts>> {
    if (unitIds.length === 0) return new Map();
    const rows: { unit: string; open: number; overdue: number }[] = await this.dataSource.query(
      `SELECT responsible_unit_id::text AS unit, count(*)::int AS open,
              count(*) FILTER (WHERE deadline < $2::date)::int AS overdue
         FROM finding WHERE responsible_unit_id = ANY($1::uuid[]) AND status <> 'ACCEPTED'
        GROUP BY responsible_unit_id`,
      [unitIds, today],
    );
    return new Map(rows.map((r) => [r.unit, { open: r.open, overdue: r.overdue }]));
  }
}
