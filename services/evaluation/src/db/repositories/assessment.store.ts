import type { EntityManager } from "typeorm";
import type {
  Assessment,
  AssessmentAdjustment,
  AssessmentPatch,
  AssessmentResult,
  IndicatorScore,
  NewAssessment,
  ResultSet,
} from "../../domain/assessment";
import type { AssessmentStore, PublishedAssessmentRef } from "../../domain/ports";
import {
  AssessmentAdjustmentEntity,
  AssessmentEntity,
  AssessmentResultEntity,
  AssessmentScoreEntity,
  ResultSetEntity,
} from "../entities/assessment.entity";
import { byClientId } from "./client-ids";

/** Assessments, their scores and adjustments, and the result sets publishing writes. */
export class TypeOrmAssessmentStore implements AssessmentStore {
  constructor(private readonly manager: EntityManager) {}

  async lock(id: string): Promise<Assessment | undefined> {
    return byClientId(
      id,
      async () =>
        (await this.manager
          .createQueryBuilder(AssessmentEntity, "a")
          .where("a.id = :id", { id })
          .setLock("pessimistic_write")
          .getOne()) ?? undefined,
    );
  }

  async insert(assessment: NewAssessment): Promise<Assessment> {
    await this.manager.insert(AssessmentEntity, assessment);
    return this.manager.findOneByOrFail(AssessmentEntity, { id: assessment.id });
  }

  async update(id: string, patch: AssessmentPatch): Promise<Assessment> {
    await this.manager
      .createQueryBuilder()
      .update(AssessmentEntity)
      .set({ ...patch, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return this.manager.findOneByOrFail(AssessmentEntity, { id });
  }

  lockCurrent(schemeVersionId: string): Promise<Assessment[]> {
    return this.manager
      .createQueryBuilder(AssessmentEntity, "a")
      .where("a.scheme_version_id = :schemeVersionId AND NOT a.superseded", { schemeVersionId })
      .andWhere(
        "a.revision = (SELECT max(b.revision) FROM assessment b WHERE b.scheme_version_id = a.scheme_version_id AND b.subject_unit_id = a.subject_unit_id)",
      )
      .orderBy("a.subject_unit_id")
      .setLock("pessimistic_write")
      .getMany();
  }

  scores(assessmentIds: readonly string[]): Promise<IndicatorScore[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(AssessmentScoreEntity, "s")
      .where("s.assessment_id IN (:...ids)", { ids: assessmentIds })
      .getMany();
  }

  async putScore(score: Omit<IndicatorScore, "scoredAt">): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(AssessmentScoreEntity)
      .values({ ...score, scoredAt: () => "now()" })
      .orUpdate(
        [
          "kind",
          "points",
          "score",
          "metric_value",
          "figures",
          "evidence",
          "comment",
          "scored_by",
          "scored_by_name",
          "scored_at",
        ],
        ["assessment_id", "indicator_code"],
      )
      .execute();
  }

  adjustments(assessmentIds: readonly string[]): Promise<AssessmentAdjustment[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(AssessmentAdjustmentEntity, "a")
      .where("a.assessment_id IN (:...ids)", { ids: assessmentIds })
      .orderBy("a.recorded_at")
      .getMany();
  }

  async insertAdjustment(adjustment: Omit<AssessmentAdjustment, "recordedAt">): Promise<void> {
    await this.manager.insert(AssessmentAdjustmentEntity, adjustment);
  }

  async latestResultSet(schemeVersionId: string): Promise<ResultSet | undefined> {
    return (
      (await this.manager.findOne(ResultSetEntity, {
        where: { schemeVersionId },
        order: { revision: "DESC" },
      })) ?? undefined
    );
  }

  async insertResultSet(set: ResultSet, results: readonly AssessmentResult[]): Promise<void> {
    await this.manager.insert(ResultSetEntity, set);
    await this.manager.insert(AssessmentResultEntity, [...results]);
  }

  async publishedOf(subjectUnitId: string, year: number): Promise<PublishedAssessmentRef | undefined> {
    const [row] = await this.manager.query(
      `SELECT a.id AS "assessmentId", a.subject_unit_id AS "subjectUnitId", s.year
         FROM assessment a JOIN assessment_scheme s ON s.id = a.scheme_version_id
        WHERE a.subject_unit_id = $1 AND s.year = $2 AND a.status = 'PUBLISHED' AND NOT a.superseded
        ORDER BY a.published_at DESC LIMIT 1`,
      [subjectUnitId, year],
    );
    return row;
  }
}
