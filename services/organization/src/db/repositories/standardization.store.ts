import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { StandardizationStore } from "../../domain/ports";
import type { Assessment, NewAssessment, NewStandard, Standard } from "../../domain/standardization";
import {
  AssessmentEntity,
  AssessmentItemEntity,
  StandardEntity,
  StandardItemEntity,
} from "../entities/standardization.entity";
import { assessmentQuery, loadStandards, toAssessment } from "./standardization.mapping";

export class TypeOrmStandardizationStore implements StandardizationStore {
  constructor(private readonly manager: EntityManager) {}

  async findStandard(code: string, version: number): Promise<Standard | undefined> {
    const [standard] = await loadStandards(this.manager, { code, version });
    return standard;
  }

  async standardById(id: string): Promise<Standard | undefined> {
    const [standard] = await loadStandards(this.manager, { ids: [id] });
    return standard;
  }

  async lockLatestVersion(code: string): Promise<number | undefined> {
    // Until the transaction ends, one definer per code: two at once would both take max + 1 and the
    // second would fail on the (code, version) key as an internal error (found by the #14 fuzzing).
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('standardization_standard:' || $1))`, [
      code,
    ]);
    const [row] = await this.manager.query(
      `SELECT max(version) AS v FROM standardization_standard WHERE code = $1`,
      [code],
    );
    return row?.v ?? undefined;
  }

  async insertStandard(standard: NewStandard): Promise<Standard> {
    const { items, ...header } = standard;
    const id = randomUUID();
    await this.manager.insert(StandardEntity, { ...header, id });
    await this.manager.insert(
      StandardItemEntity,
      items.map((item) => ({ ...item, id: randomUUID(), standardId: id })),
    );
    return (await this.findStandard(standard.code, standard.version))!;
  }

  async insertAssessment(assessment: NewAssessment): Promise<Assessment> {
    const { items, standardCode: _code, standardVersion: _version, ...row } = assessment;
    await this.manager.insert(AssessmentEntity, row);
    await this.manager.insert(
      AssessmentItemEntity,
      items.map((i) => ({
        assessmentId: assessment.id,
        itemId: i.itemId,
        status: i.status,
        evidence: i.evidence,
      })),
    );
    return (await this.get(assessment.id))!;
  }

  assessment(id: string): Promise<Assessment | undefined> {
    return this.get(id);
  }

  async lockAssessment(id: string): Promise<Assessment | undefined> {
    const entity = await assessmentQuery(this.manager)
      .where("a.id = :id", { id })
      .setLock("pessimistic_write", undefined, ["a"])
      .getOne();
    return entity ? toAssessment(entity) : undefined;
  }

  async recognize(
    id: string,
    batch: number,
    year: number,
    by: { id: string; name: string },
  ): Promise<Assessment> {
    await this.manager.update(
      AssessmentEntity,
      { id },
      {
        recognitionBatch: batch,
        recognitionYear: year,
        recognizedBy: by.id,
        recognizedByName: by.name,
        recognizedAt: () => "now()",
      },
    );
    return (await this.get(id))!;
  }

  private async get(id: string): Promise<Assessment | undefined> {
    const entity = await assessmentQuery(this.manager).where("a.id = :id", { id }).getOne();
    return entity ? toAssessment(entity) : undefined;
  }
}
