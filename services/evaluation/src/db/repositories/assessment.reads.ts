import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { DataSource } from "typeorm";
import type { StatusCounts } from "../../rules/r12-metrics";
import { statusCountsAt } from "./metrics.sql";
import type {
  Assessment,
  AssessmentAdjustment,
  AssessmentResult,
  IndicatorScore,
  ResultSet,
} from "../../domain/assessment";
import type { AssessmentReads, Scope } from "../../domain/ports";
import type { AssessmentScheme } from "../../domain/scheme";
import {
  AssessmentAdjustmentEntity,
  AssessmentEntity,
  AssessmentResultEntity,
  AssessmentScoreEntity,
  ResultSetEntity,
} from "../entities/assessment.entity";
import { AssessmentSchemeEntity } from "../entities/scheme.entity";

/** A scheme is visible to its owner's area and below-the-owner callers (a banner reads the city's scheme). */
const SCHEME_VISIBLE = `EXISTS (SELECT 1 FROM org_unit o WHERE o.id = s.owner_unit_id
  AND (o.path LIKE :scope || '%' OR :scope LIKE o.path || '%'))`;
/** An assessment: its owner's area sees all of them; a subject's area sees its own. */
const ASSESSMENT_VISIBLE = `EXISTS (SELECT 1 FROM assessment_scheme s JOIN org_unit o ON o.id = s.owner_unit_id
  LEFT JOIN org_unit u ON u.id = a.subject_unit_id
  WHERE s.id = a.scheme_version_id AND (o.path LIKE :scope || '%' OR u.path LIKE :scope || '%'))`;

/** R12 reads, each one statement for any number of keys. */
export class SqlAssessmentReads implements AssessmentReads {
  constructor(private readonly dataSource: DataSource) {}

  schemes(ids: readonly string[], scope: Scope): Promise<AssessmentScheme[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AssessmentSchemeEntity, "s")
      .where("s.id IN (:...ids)", { ids })
      .andWhere(SCHEME_VISIBLE, { scope })
      .getMany();
  }

  schemesOf(ownerUnitId: string, year: number | undefined, scope: Scope): Promise<AssessmentScheme[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(AssessmentSchemeEntity, "s")
      .where("s.owner_unit_id = :ownerUnitId", { ownerUnitId })
      .andWhere(SCHEME_VISIBLE, { scope })
      .orderBy("s.year", "DESC")
      .addOrderBy("s.name")
      .addOrderBy("s.version", "DESC");
    if (year !== undefined) query.andWhere("s.year = :year", { year });
    return query.getMany();
  }

  assessments(ids: readonly string[], scope: Scope): Promise<Assessment[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AssessmentEntity, "a")
      .where("a.id IN (:...ids)", { ids })
      .andWhere(ASSESSMENT_VISIBLE, { scope })
      .getMany();
  }

  ofSubjects(unitIds: readonly string[], scope: Scope): Promise<Assessment[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AssessmentEntity, "a")
      .where("a.subject_unit_id IN (:...unitIds)", { unitIds })
      .andWhere(ASSESSMENT_VISIBLE, { scope })
      .orderBy("a.created_at", "DESC")
      .addOrderBy("a.revision", "DESC")
      .getMany();
  }

  ofSchemes(schemeVersionIds: readonly string[], scope: Scope): Promise<Assessment[]> {
    if (schemeVersionIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AssessmentEntity, "a")
      .where("a.scheme_version_id IN (:...schemeVersionIds)", { schemeVersionIds })
      .andWhere(ASSESSMENT_VISIBLE, { scope })
      .orderBy("a.subject_unit_id")
      .addOrderBy("a.revision")
      .getMany();
  }

  scores(assessmentIds: readonly string[]): Promise<IndicatorScore[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AssessmentScoreEntity, "s")
      .where("s.assessment_id IN (:...ids)", { ids: assessmentIds })
      .getMany();
  }

  adjustments(assessmentIds: readonly string[]): Promise<AssessmentAdjustment[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AssessmentAdjustmentEntity, "a")
      .where("a.assessment_id IN (:...ids)", { ids: assessmentIds })
      .orderBy("a.recorded_at")
      .getMany();
  }

  async latestResultSet(ownerUnitId: string, year: number, scope: Scope): Promise<ResultSet | undefined> {
    return (
      (await this.dataSource.manager
        .createQueryBuilder(ResultSetEntity, "r")
        .innerJoin(AssessmentSchemeEntity, "s", "s.id = r.scheme_version_id")
        .where("s.owner_unit_id = :ownerUnitId AND s.year = :year", { ownerUnitId, year })
        .andWhere(SCHEME_VISIBLE, { scope })
        .orderBy("r.published_at", "DESC")
        .addOrderBy("r.revision", "DESC")
        .limit(1)
        .getOne()) ?? undefined
    );
  }

  results(resultSetIds: readonly string[]): Promise<AssessmentResult[]> {
    if (resultSetIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AssessmentResultEntity, "r")
      .where("r.result_set_id IN (:...ids)", { ids: resultSetIds })
      .orderBy("r.rank")
      .addOrderBy("r.subject_unit_id")
      .getMany();
  }

  metricCounts(
    subjects: readonly { id: string; path: string }[],
    year: number,
    cutOffDate: string,
  ): Promise<Map<string, Map<string, StatusCounts>>> {
    return statusCountsAt(this.dataSource.manager, subjects, year, cutOffDate);
  }

  /** Public identity of units (a ranking names every subject, in the caller's area or not). */
  unitNames(ids: readonly string[]): Promise<OrgUnitProjection[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.id IN (:...ids)", { ids })
      .getMany();
  }
}
