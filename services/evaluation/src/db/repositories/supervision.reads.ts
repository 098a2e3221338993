import type { Page } from "@grassroots/kit/validation";
import type { DataSource } from "typeorm";
import type { SupervisionReads, Scope } from "../../domain/ports";
import type { Finding, Inspection, Rectification } from "../../domain/supervision";
import { FindingEntity, InspectionEntity, RectificationEntity } from "../entities/supervision.entity";

/** An inspection is visible in the inspected unit's area, and to a unit responsible for one of its findings. */
const INSPECTION_VISIBLE = `(EXISTS (SELECT 1 FROM org_unit o WHERE o.id = i.inspected_unit_id AND o.path LIKE :scope || '%')
  OR EXISTS (SELECT 1 FROM finding vf JOIN org_unit r ON r.id = vf.responsible_unit_id
              WHERE vf.inspection_id = i.id AND r.path LIKE :scope || '%'))`;

/** R13 reads, one statement per batch. */
export class SqlSupervisionReads implements SupervisionReads {
  constructor(private readonly dataSource: DataSource) {}

  inspections(ids: readonly string[], scope: Scope): Promise<Inspection[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(InspectionEntity, "i")
      .where("i.id IN (:...ids)", { ids })
      .andWhere(INSPECTION_VISIBLE, { scope })
      .getMany();
  }

  ofUnits(unitIds: readonly string[], scope: Scope): Promise<Inspection[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(InspectionEntity, "i")
      .where("i.inspected_unit_id IN (:...unitIds)", { unitIds })
      .andWhere(INSPECTION_VISIBLE, { scope })
      .orderBy("i.inspection_date", "DESC")
      .addOrderBy("i.id")
      .getMany();
  }

  findingsOf(inspectionIds: readonly string[]): Promise<Finding[]> {
    if (inspectionIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(FindingEntity, "f")
      .where("f.inspection_id IN (:...inspectionIds)", { inspectionIds })
      .orderBy("f.deadline")
      .addOrderBy("f.id")
      .getMany();
  }

  rectificationsOf(findingIds: readonly string[]): Promise<Rectification[]> {
    if (findingIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(RectificationEntity, "r")
      .where("r.finding_id IN (:...findingIds)", { findingIds })
      .orderBy("r.created_at")
      .getMany();
  }

  async findingsPage(
    rootPath: string,
    scope: Scope,
    openOnly: boolean,
    page: { first: number; after?: { deadline: string; id: string } },
  ): Promise<Page<Finding>> {
    const query = this.dataSource.manager
      .createQueryBuilder(FindingEntity, "f")
      .innerJoin("org_unit", "r", "r.id = f.responsible_unit_id")
      .where("r.path LIKE :root || '%' AND r.path LIKE :scope || '%'", { root: rootPath, scope });
    if (openOnly) query.andWhere("f.status <> 'ACCEPTED'");
    const totalCount = await query.clone().getCount();
    if (page.after) query.andWhere("(f.deadline, f.id) > (:deadline::date, :id::uuid)", page.after);
    const rows = await query
      .orderBy("f.deadline")
      .addOrderBy("f.id")
      .limit(page.first + 1)
      .getMany();
    return { items: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount };
  }
}
