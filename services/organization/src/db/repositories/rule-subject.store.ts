import type { EntityManager } from "typeorm";
import type { OrgUnit, OrgUnitKind } from "../../domain/org-unit";
import type { RuleSubjectStore } from "../../domain/ports";
import type { Assessment } from "../../domain/standardization";
import { OrgUnitEntity } from "../entities/org-unit.entity";
import { assessmentQuery, toAssessment } from "./standardization.mapping";

/** The subjects of R1 and R2 inside a transaction (a rule's result after a change, and the backfill). */
export class TypeOrmRuleSubjectStore implements RuleSubjectStore {
  constructor(private readonly manager: EntityManager) {}

  unitsOfKinds(kinds: readonly OrgUnitKind[]): Promise<OrgUnit[]> {
    return this.manager
      .createQueryBuilder(OrgUnitEntity, "u")
      .where("u.kind = ANY(:kinds)", { kinds: [...kinds] })
      .orderBy("u.code")
      .getMany();
  }

  async latestAssessmentsPerYear(orgUnitId?: string, year?: number): Promise<Assessment[]> {
    // DISTINCT ON picks the deciding assessment per unit and year; a second statement maps them.
    const ids = (await this.manager.query(
      `SELECT DISTINCT ON (org_unit_id, extract(year FROM assessed_on)) id
         FROM standardization_assessment
        WHERE ($1::uuid IS NULL OR org_unit_id = $1) AND ($2::int IS NULL OR extract(year FROM assessed_on) = $2)
        ORDER BY org_unit_id, extract(year FROM assessed_on), assessed_on DESC, created_at DESC, id DESC`,
      [orgUnitId ?? null, year ?? null],
    )) as { id: string }[];
    if (ids.length === 0) return [];
    const entities = await assessmentQuery(this.manager)
      .where("a.id = ANY(:ids)", { ids: ids.map((r) => r.id) })
      .orderBy("a.org_unit_id")
      .addOrderBy("a.assessed_on")
      .getMany();
    return entities.map(toAssessment);
  }
}
