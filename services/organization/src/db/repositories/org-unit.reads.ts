import type { DataSource } from "typeorm";
import type { OrgUnit, OrgUnitKind } from "../../domain/org-unit";
import type {
  OrgUnitFilter,
  OrgUnitReads,
  Page,
  PageRequest,
  PostCountRow,
  ReferencedUnit,
  RegisterCountEntry,
  Scope,
  TownshipStandardizationRow,
} from "../../domain/ports";
import { OrgUnitEntity, RegisterCountEntity } from "../entities/org-unit.entity";

/** Escapes LIKE wildcards in user text (the default escape character is the backslash). */
const likeText = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The banner (county-level unit) of a unit: the second id on its path, roots being cities. */
const BANNER_OF = (alias: string) => `split_part(${alias}.path, '/', 2)`;

/**
 * Scoped reads. Every query carries `path LIKE <scope>%`, so a unit outside the caller's subtree is
 * never loaded, whatever the id or filter.
 */
export class TypeOrmOrgUnitReads implements OrgUnitReads {
  constructor(private readonly dataSource: DataSource) {}

  private scoped(scope: Scope) {
    return this.dataSource.manager
      .createQueryBuilder(OrgUnitEntity, "u")
      .where("u.path LIKE :scope", { scope: `${scope}%` });
  }

  async byIds(ids: readonly string[], scope: Scope): Promise<OrgUnit[]> {
    if (ids.length === 0) return [];
    return this.scoped(scope).andWhere("u.id IN (:...ids)", { ids }).getMany();
  }

  async firstChildPages(
    parentIds: readonly string[],
    scope: Scope,
    first: number,
    includeInactive: boolean,
  ): Promise<Map<string, Page<OrgUnit>>> {
    const pages = new Map<string, Page<OrgUnit>>(
      parentIds.map((id) => [id, { items: [], hasNextPage: false, totalCount: 0 }]),
    );
    if (parentIds.length === 0) return pages;
    // One statement ranks every parent's children (window per parent), a second loads the units.
    const ranked: { id: string; parent_id: string; total: number; rn: number }[] =
      await this.dataSource.query(
        `SELECT id, parent_id, total, rn FROM (
         SELECT u.id, u.parent_id, u.code,
                count(*) OVER w AS total, row_number() OVER (w ORDER BY u.code) AS rn
           FROM org_unit u
          WHERE u.parent_id = ANY($1::uuid[]) AND u.path LIKE $2 ${includeInactive ? "" : "AND u.active"}
         WINDOW w AS (PARTITION BY u.parent_id)
       ) t
       WHERE rn <= $3
       ORDER BY parent_id, code`,
        [parentIds, `${scope}%`, first + 1],
      );
    const units = new Map(
      (
        await this.byIds(
          ranked.map((r) => r.id),
          scope,
        )
      ).map((u) => [u.id, u]),
    );
    for (const row of ranked) {
      const page = pages.get(row.parent_id)!;
      page.totalCount = Number(row.total);
      if (Number(row.rn) > first) page.hasNextPage = true;
      else page.items.push(units.get(row.id)!);
    }
    return pages;
  }

  async byCode(code: string, scope: Scope): Promise<OrgUnit | undefined> {
    return (await this.scoped(scope).andWhere("u.code = :code", { code }).getOne()) ?? undefined;
  }

  async referenced(ids: readonly string[], homeUnitId: string): Promise<ReferencedUnit[]> {
    if (ids.length === 0) return [];
    // One statement: the units, and whether each lies under the caller's (active) home unit.
    const { entities, raw } = await this.dataSource.manager
      .createQueryBuilder(OrgUnitEntity, "u")
      .addSelect(
        "coalesce(u.path LIKE (SELECT h.path FROM org_unit h WHERE h.id = :home AND h.active) || '%', false)",
        "in_area",
      )
      .where("u.id IN (:...ids)", { ids })
      .setParameter("home", homeUnitId)
      .getRawAndEntities<{ u_id: string; in_area: boolean }>();
    const inArea = new Set(raw.filter((r) => r.in_area).map((r) => r.u_id));
    return entities.map((unit) => ({ unit, inArea: inArea.has(unit.id) }));
  }

  async search(filter: OrgUnitFilter, scope: Scope, page: PageRequest): Promise<Page<OrgUnit>> {
    const qb = this.scoped(scope);
    if (!filter.includeInactive) qb.andWhere("u.active");
    if (filter.nameContains)
      qb.andWhere("u.name ILIKE :name", { name: `%${likeText(filter.nameContains)}%` });
    if (filter.codePrefix) qb.andWhere("u.code LIKE :codePrefix", { codePrefix: `${filter.codePrefix}%` });
    if (filter.kinds) qb.andWhere("u.kind IN (:...kinds)", { kinds: filter.kinds });
    if (filter.underPath)
      qb.andWhere("u.path LIKE :under AND u.path <> :underPath", {
        under: `${filter.underPath}%`,
        underPath: filter.underPath,
      });
    if (filter.parentId) qb.andWhere("u.parent_id = :parentId", { parentId: filter.parentId });
    const totalCount = await qb.clone().getCount();
    if (page.afterCode) qb.andWhere("u.code > :after", { after: page.afterCode });
    const rows = await qb
      .orderBy("u.code")
      .limit(page.first + 1)
      .getMany();
    return { items: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount };
  }

  registerHistory(ids: readonly string[]): Promise<RegisterCountEntry[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(RegisterCountEntity, "r")
      .where("r.org_unit_id IN (:...ids)", { ids })
      .orderBy("r.as_of", "DESC")
      .addOrderBy("r.id", "DESC")
      .getMany();
  }

  bannersFor(scope: Scope, bannerId?: string): Promise<OrgUnit[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(OrgUnitEntity, "u")
      .where("u.depth = 1 AND u.active")
      .andWhere("(u.path LIKE :scopeLike OR CAST(:scope AS text) LIKE u.path || '%')", {
        scopeLike: `${scope}%`,
        scope,
      });
    if (bannerId) qb.andWhere("u.id = :bannerId", { bannerId });
    return qb.orderBy("u.code").getMany();
  }

  async postCounts(
    scope: Scope,
    kinds: readonly OrgUnitKind[],
    bannerIds: readonly string[],
  ): Promise<PostCountRow[]> {
    if (bannerIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${BANNER_OF("u")} AS "bannerId", u.kind,
              count(*)::int AS total, (count(*) FILTER (WHERE u.post_established))::int AS established
         FROM org_unit u
        WHERE u.active AND u.path LIKE $1 AND u.kind = ANY($2) AND ${BANNER_OF("u")} = ANY($3)
        GROUP BY 1, 2`,
      [`${scope}%`, kinds, bannerIds],
    );
  }

  async townshipStandardization(
    scope: Scope,
    kinds: readonly OrgUnitKind[],
    bannerIds: readonly string[],
    asOf: string,
    recognizedBy: number | undefined,
  ): Promise<TownshipStandardizationRow[]> {
    if (bannerIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${BANNER_OF("u")} AS "bannerId", u.id AS "orgUnitId", latest.result AS "latestResult",
              latest.items_met AS "latestItemsMet", latest.items_total AS "latestItemsTotal",
              EXISTS (SELECT 1 FROM standardization_assessment a
                       WHERE a.org_unit_id = u.id AND a.recognition_year IS NOT NULL
                         AND ($5::int IS NULL OR a.recognition_year <= $5::int)) AS recognized
         FROM org_unit u
         LEFT JOIN LATERAL (SELECT a.result, a.items_met, a.items_total FROM standardization_assessment a
                             WHERE a.org_unit_id = u.id AND a.assessed_on <= $4::date
                             ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) latest ON true
        WHERE u.active AND u.path LIKE $1 AND u.kind = ANY($2) AND ${BANNER_OF("u")} = ANY($3)`,
      [`${scope}%`, kinds, bannerIds, asOf, recognizedBy ?? null],
    );
  }
}
