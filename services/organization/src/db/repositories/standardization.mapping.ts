import type { EntityManager } from "typeorm";
import type { Assessment, Standard } from "../../domain/standardization";
import { AssessmentEntity, StandardEntity, StandardItemEntity } from "../entities/standardization.entity";

/** Shared by the transactional store and the reads: load standards with their items, map assessments. */

export async function loadStandards(
  manager: EntityManager,
  where: { ids?: readonly string[]; code?: string; version?: number },
) {
  const qb = manager.createQueryBuilder(StandardEntity, "s");
  if (where.ids) qb.andWhere("s.id IN (:...ids)", { ids: where.ids });
  if (where.code !== undefined) qb.andWhere("s.code = :code", { code: where.code });
  if (where.version !== undefined) qb.andWhere("s.version = :version", { version: where.version });
  const standards = await qb.orderBy("s.code").addOrderBy("s.version").getMany();
  if (standards.length === 0) return [];
  const items = await manager
    .createQueryBuilder(StandardItemEntity, "i")
    .where("i.standard_id IN (:...ids)", { ids: standards.map((s) => s.id) })
    .orderBy("i.ordinal")
    .getMany();
  return standards.map((s): Standard => ({
    ...s,
    items: items.filter((i) => i.standardId === s.id).map(({ standardId: _standardId, ...item }) => item),
  }));
}

/** Assessments with their standard's code and version, in one query. */
export function assessmentQuery(manager: EntityManager) {
  return manager
    .createQueryBuilder(AssessmentEntity, "a")
    .innerJoinAndMapOne("a.standard", StandardEntity, "s", "s.id = a.standard_id");
}

export function toAssessment(entity: AssessmentEntity): Assessment {
  const { standard, ...rest } = entity;
  return { ...rest, standardCode: standard!.code, standardVersion: standard!.version };
}
