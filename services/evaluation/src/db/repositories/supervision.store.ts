import type { EntityManager } from "typeorm";
import type { SupervisionStore } from "../../domain/ports";
import type {
  Finding,
  FindingPatch,
  Inspection,
  NewFinding,
  NewInspection,
  NewRectification,
  Rectification,
} from "../../domain/supervision";
import { FindingEntity, InspectionEntity, RectificationEntity } from "../entities/supervision.entity";
import { byClientId } from "./client-ids";

/** R13 inspections, findings and rectifications inside a transaction. */
export class TypeOrmSupervisionStore implements SupervisionStore {
  constructor(private readonly manager: EntityManager) {}

  async insertInspection(inspection: NewInspection): Promise<Inspection> {
    await this.manager.insert(InspectionEntity, inspection);
    return this.manager.findOneByOrFail(InspectionEntity, { id: inspection.id });
  }

  async getInspection(id: string): Promise<Inspection | undefined> {
    return byClientId(id, async () => (await this.manager.findOneBy(InspectionEntity, { id })) ?? undefined);
  }

  async insertFinding(finding: NewFinding): Promise<Finding> {
    await this.manager.insert(FindingEntity, { ...finding, status: "OPEN" });
    return this.manager.findOneByOrFail(FindingEntity, { id: finding.id });
  }

  async lockFinding(id: string): Promise<Finding | undefined> {
    return byClientId(
      id,
      async () =>
        (await this.manager
          .createQueryBuilder(FindingEntity, "f")
          .where("f.id = :id", { id })
          .setLock("pessimistic_write")
          .getOne()) ?? undefined,
    );
  }

  async updateFinding(id: string, patch: FindingPatch): Promise<Finding> {
    await this.manager
      .createQueryBuilder()
      .update(FindingEntity)
      .set({ ...patch, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return this.manager.findOneByOrFail(FindingEntity, { id });
  }

  async pendingRectification(findingId: string): Promise<Rectification | undefined> {
    return (
      (await this.manager
        .createQueryBuilder(RectificationEntity, "r")
        .where("r.finding_id = :findingId AND r.decision IS NULL", { findingId })
        .getOne()) ?? undefined
    );
  }

  async insertRectification(rectification: NewRectification): Promise<Rectification> {
    await this.manager.insert(RectificationEntity, rectification);
    return this.manager.findOneByOrFail(RectificationEntity, { id: rectification.id });
  }

  async decideRectification(
    id: string,
    decision: Pick<Rectification, "decision" | "rejectionReason" | "decidedBy" | "decidedByName">,
  ): Promise<Rectification> {
    await this.manager
      .createQueryBuilder()
      .update(RectificationEntity)
      .set({ ...decision, decidedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return this.manager.findOneByOrFail(RectificationEntity, { id });
  }

  lockDueForFlags(today: string, escalateOnOrBefore: string, limit: number): Promise<Finding[]> {
    return this.manager
      .createQueryBuilder(FindingEntity, "f")
      .where("f.status <> 'ACCEPTED' AND f.deadline < :today", { today })
      .andWhere("(f.overdue_at IS NULL OR (f.escalated_at IS NULL AND f.deadline < :escalate))", {
        escalate: escalateOnOrBefore,
      })
      .orderBy("f.deadline")
      .addOrderBy("f.id")
      .limit(limit)
      .setLock("pessimistic_write")
      .setOnLocked("skip_locked")
      .getMany();
  }

  async unitCounts(unitId: string, today: string) {
    const [row] = await this.manager.query(
      `SELECT count(*) FILTER (WHERE status <> 'ACCEPTED')::int AS open,
              count(*) FILTER (WHERE status <> 'ACCEPTED' AND deadline < $2::date)::int AS overdue,
              count(*) FILTER (WHERE status <> 'ACCEPTED' AND escalated_at IS NOT NULL)::int AS escalated,
              count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted
         FROM finding WHERE responsible_unit_id = $1`,
      [unitId, today],
    );
    return row;
  }
}
