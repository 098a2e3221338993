import type { DataSource } from "typeorm";
import type { BudgetLine, BudgetLineRevision, Disbursement } from "../../domain/budget";
import type { BudgetLineFilter, BudgetReads, OrgUnitRef, Page, Scope } from "../../domain/ports";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import {
  BudgetInstalmentEntity,
  BudgetLineEntity,
  BudgetLineRevisionEntity,
  DisbursementEntity,
} from "../entities/budget.entity";
import { homeScope, lineInScope, pathInScope } from "./scope.sql";

/** Budget reads outside a transaction; every list is a fixed number of statements. */
export class SqlBudgetReads implements BudgetReads {
  constructor(private readonly dataSource: DataSource) {}

  private visible() {
    return this.dataSource.manager
      .createQueryBuilder(BudgetLineEntity, "l")
      .innerJoinAndMapOne(
        "l.terms",
        BudgetLineRevisionEntity,
        "r",
        "r.line_id = l.id AND r.revision = l.current_revision",
      );
  }

  /** The heads with their terms, then every schedule in one statement. */
  private async withInstalments(
    heads: (BudgetLineEntity & { terms: BudgetLineRevision })[],
  ): Promise<BudgetLine[]> {
    if (heads.length === 0) return [];
    const instalments = await this.dataSource.manager
      .createQueryBuilder(BudgetInstalmentEntity, "i")
      .innerJoin(BudgetLineEntity, "l", "l.id = i.line_id AND l.current_revision = i.revision")
      .where("i.line_id IN (:...ids)", { ids: heads.map((h) => h.id) })
      .orderBy("i.seq")
      .getMany();
    return heads.map((h) => ({
      ...h,
      instalments: instalments
        .filter((i) => i.lineId === h.id)
        .map(({ seq, dueDate, amountFen }) => ({ seq, dueDate, amountFen })),
    }));
  }

  async byIds(ids: readonly string[], scope: Scope): Promise<BudgetLine[]> {
    if (ids.length === 0) return [];
    const heads = await this.visible()
      .where("l.id IN (:...ids)", { ids })
      .andWhere(lineInScope("l.owner_unit_id", "r.beneficiary_unit_id", ":scope"), { scope })
      .getMany();
    return this.withInstalments(heads as (BudgetLineEntity & { terms: BudgetLineRevision })[]);
  }

  async page(
    filter: BudgetLineFilter,
    scope: Scope,
    first: number,
    after?: string,
  ): Promise<Page<BudgetLine>> {
    const query = this.visible()
      .where("l.fiscal_year = :year", { year: filter.year })
      .andWhere(lineInScope("l.owner_unit_id", "r.beneficiary_unit_id", ":scope"), { scope });
    if (filter.ownerUnitId) query.andWhere("l.owner_unit_id = :owner", { owner: filter.ownerUnitId });
    if (filter.purpose) query.andWhere("l.purpose = :purpose", { purpose: filter.purpose });
    const totalCount = await query.getCount();
    if (after) query.andWhere("l.id > :after", { after });
    const heads = await query
      .orderBy("l.id")
      .take(first + 1)
      .getMany();
    const items = await this.withInstalments(
      heads.slice(0, first) as (BudgetLineEntity & { terms: BudgetLineRevision })[],
    );
    return { items, hasNextPage: heads.length > first, totalCount };
  }

  revisionsOf(lineIds: readonly string[]): Promise<BudgetLineRevision[]> {
    if (lineIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(BudgetLineRevisionEntity, "r")
      .where("r.line_id IN (:...ids)", { ids: lineIds })
      .orderBy("r.revision")
      .getMany();
  }

  disbursementsOf(lineIds: readonly string[]): Promise<Disbursement[]> {
    if (lineIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(DisbursementEntity, "d")
      .where("d.line_id IN (:...ids)", { ids: lineIds })
      .orderBy("d.paid_on")
      .addOrderBy("d.recorded_at")
      .getMany();
  }

  subjectsIn(scope: Scope): Promise<OrgUnitRef[]> {
    return this.dataSource.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.kind IN ('CITY', 'BANNER', 'DISTRICT')")
      .andWhere(pathInScope("u.path", ":scope"), { scope })
      .orderBy("u.depth")
      .addOrderBy("u.code")
      .getMany();
  }

  unitsInArea(ids: readonly string[], homeUnitId: string): Promise<OrgUnitRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.id IN (:...ids)", { ids })
      .andWhere(pathInScope("u.path", homeScope(":home")), { home: homeUnitId })
      .getMany();
  }
}
