import type { DataSource } from "typeorm";
import type { StandardizationReads } from "../../domain/ports";
import type { Assessment, AssessmentItem, Standard } from "../../domain/standardization";
import { assessmentQuery, loadStandards, toAssessment } from "./standardization.mapping";

export class TypeOrmStandardizationReads implements StandardizationReads {
  constructor(private readonly dataSource: DataSource) {}

  standards(): Promise<Standard[]> {
    return loadStandards(this.dataSource.manager, {});
  }

  standardsByIds(ids: readonly string[]): Promise<Standard[]> {
    return ids.length ? loadStandards(this.dataSource.manager, { ids }) : Promise.resolve([]);
  }

  /** The latest assessment of each unit (by business date, then by entry time), in one query. */
  async latestAssessments(orgUnitIds: readonly string[]): Promise<Assessment[]> {
    if (orgUnitIds.length === 0) return [];
    const rows = await assessmentQuery(this.dataSource.manager)
      .where(
        `a.id IN (SELECT DISTINCT ON (l.org_unit_id) l.id FROM standardization_assessment l
                   WHERE l.org_unit_id IN (:...ids) ORDER BY l.org_unit_id, l.assessed_on DESC, l.created_at DESC)`,
        { ids: orgUnitIds },
      )
      .getMany();
    return rows.map(toAssessment);
  }

  async assessmentById(id: string): Promise<Assessment | undefined> {
    const entity = await assessmentQuery(this.dataSource.manager).where("a.id = :id", { id }).getOne();
    return entity ? toAssessment(entity) : undefined;
  }

  assessmentItems(assessmentIds: readonly string[]): Promise<(AssessmentItem & { assessmentId: string })[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ai.assessment_id AS "assessmentId", ai.standard_item_id AS "itemId", si.code AS "itemCode",
              ai.status, ai.evidence
         FROM assessment_item ai JOIN standard_item si ON si.id = ai.standard_item_id
        WHERE ai.assessment_id = ANY($1)
        ORDER BY si.ordinal`,
      [assessmentIds],
    );
  }
}
