import type { DataSource } from "typeorm";
import type { Filing, FilingStep } from "../../domain/filing";
import type { FilingFilter, FilingReads, Page, PageRequest, Scope } from "../../domain/ports";
import { FilingEntity, FilingStepEntity } from "../entities/filing.entity";
import { Params, pattern } from "./area.sql";
import { selectColumns } from "./entity-columns";

/** Filings, scoped by their unit's path as it is now: each method is ONE SQL statement (search: two). */
export class SqlFilingReads implements FilingReads {
  constructor(private readonly dataSource: DataSource) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  private get columns() {
    return selectColumns(this.dataSource, FilingEntity, "f");
  }

  filings(ids: readonly string[], scope: Scope): Promise<Filing[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query(
      `SELECT ${this.columns} FROM filing f JOIN org_unit u ON u.id = f.org_unit_id WHERE f.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
  }

  async searchFilings(filter: FilingFilter, scope: Scope, page: PageRequest): Promise<Page<Filing>> {
    const p = new Params();
    const where = [`u.path LIKE ${p.add(pattern(scope))}`];
    if (filter.underPath) where.push(`u.path LIKE ${p.add(pattern(filter.underPath))}`);
    if (filter.statuses) where.push(`f.status = ANY(${p.add(filter.statuses)})`);
    if (filter.bannerId) where.push(`f.banner_id = ${p.add(filter.bannerId)}::uuid`);
    if (filter.statisticianId) where.push(`f.statistician_id = ${p.add(filter.statisticianId)}::uuid`);
    if (filter.overdue) {
      where.push(
        `f.status <> 'FILED' AND f.submitted_on + ${p.add(filter.overdue.dueDays)}::int < ${p.add(filter.overdue.today)}::date`,
      );
    }
    const from = `filing f JOIN org_unit u ON u.id = f.org_unit_id`;
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${from} WHERE ${where.join(" AND ")}`,
      p.values,
    );
    if (page.afterId)
      where.push(
        `(f.submitted_at, f.id) > (SELECT x.submitted_at, x.id FROM filing x WHERE x.id = ${p.add(page.afterId)}::uuid)`,
      );
    const rows = await this.query<Filing>(
      `SELECT ${this.columns} FROM ${from} WHERE ${where.join(" AND ")} ORDER BY f.submitted_at, f.id LIMIT ${p.add(page.first + 1)}`,
      p.values,
    );
    return { items: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount: total };
  }

  filingSteps(filingIds: readonly string[]): Promise<FilingStep[]> {
    if (filingIds.length === 0) return Promise.resolve([]);
    return this.query(
      `SELECT ${selectColumns(this.dataSource, FilingStepEntity, "t")} FROM filing_step t WHERE t.filing_id = ANY($1) ORDER BY t.id`,
      [[...filingIds]],
    );
  }
}
