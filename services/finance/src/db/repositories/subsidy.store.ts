import { In, IsNull, type EntityManager } from "typeorm";
import type { ClaimPatch, NewClaim, NewStandard, NewTask, SubsidyStore } from "../../domain/ports";
import type { PaymentBatch, SubsidyClaim, SubsidyStandard, TaskRecord } from "../../domain/subsidy";
import {
  ClaimLineEntity,
  PaymentBatchEntity,
  SubsidyClaimEntity,
  SubsidyStandardEntity,
  SubsidyStandardItemEntity,
  TaskRecordEntity,
} from "../entities/subsidy.entity";

/** R10 writes inside one transaction. Standards and tasks are added; a claim moves through its statuses. */
export class TypeOrmSubsidyStore implements SubsidyStore {
  constructor(private readonly manager: EntityManager) {}

  async lockBanner(bannerUnitId: string): Promise<void> {
    // serialises standard versions and claim generation of one banner (no row to lock before the first)
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('finance.subsidy.' || $1))`, [
      bannerUnitId,
    ]);
  }

  async standardsOf(bannerUnitId: string): Promise<SubsidyStandard[]> {
    const heads = await this.manager.find(SubsidyStandardEntity, {
      where: { bannerUnitId },
      order: { version: "ASC" },
    });
    if (heads.length === 0) return [];
    const items = await this.manager.find(SubsidyStandardItemEntity, {
      where: { standardId: In(heads.map((h) => h.id)) },
    });
    return heads.map((h) => ({
      ...h,
      items: items
        .filter((i) => i.standardId === h.id)
        .map(({ taskKind, unitOfWork, rateFen, isMinimum }) => ({
          taskKind,
          unitOfWork,
          rateFen,
          isMinimum,
        })),
    }));
  }

  async insertStandard(standard: NewStandard): Promise<void> {
    const { items, ...head } = standard;
    await this.manager.insert(SubsidyStandardEntity, head);
    await this.manager.insert(
      SubsidyStandardItemEntity,
      items.map((i) => ({ ...i, standardId: head.id })),
    );
  }

  async endStandard(id: string, effectiveTo: string): Promise<void> {
    await this.manager.update(SubsidyStandardEntity, { id }, { effectiveTo });
  }

  async holdsPost(statisticianId: string, unitId: string, date: string): Promise<boolean> {
    const rows = (await this.manager.query(
      `SELECT 1 FROM post_assignment
        WHERE statistician_id = $1 AND org_unit_id = $2 AND start_date <= $3
          AND (end_date IS NULL OR end_date >= $3) AND (status <> 'ENDED' OR end_date IS NOT NULL)
        LIMIT 1`,
      [statisticianId, unitId, date],
    )) as unknown[];
    return rows.length > 0;
  }

  async insertTask(task: NewTask): Promise<TaskRecord> {
    await this.manager.insert(TaskRecordEntity, task);
    return (await this.manager.findOneBy(TaskRecordEntity, { id: task.id }))!;
  }

  async getTask(id: string): Promise<TaskRecord | undefined> {
    return (await this.manager.findOneBy(TaskRecordEntity, { id })) ?? undefined;
  }

  claimableTasks(bannerUnitId: string, period: string): Promise<TaskRecord[]> {
    return this.manager
      .createQueryBuilder(TaskRecordEntity, "t")
      .leftJoin(SubsidyClaimEntity, "c", "c.id = t.claim_id")
      .where("t.banner_unit_id = :banner AND t.period = :period", { banner: bannerUnitId, period })
      .andWhere("(t.claim_id IS NULL OR c.status IN ('DRAFT', 'RETURNED'))")
      .orderBy("t.statistician_id")
      .addOrderBy("t.business_date")
      .getMany();
  }

  async claimOf(
    statisticianId: string,
    bannerUnitId: string,
    period: string,
  ): Promise<SubsidyClaim | undefined> {
    return (
      (await this.manager.findOneBy(SubsidyClaimEntity, { statisticianId, bannerUnitId, period })) ??
      undefined
    );
  }

  async lockClaims(ids: readonly string[]): Promise<SubsidyClaim[]> {
    if (ids.length === 0) return [];
    return this.manager
      .createQueryBuilder(SubsidyClaimEntity, "c")
      .where("c.id IN (:...ids)", { ids })
      .orderBy("c.id")
      .setLock("pessimistic_write")
      .getMany();
  }

  async getClaim(id: string): Promise<SubsidyClaim | undefined> {
    return (await this.manager.findOneBy(SubsidyClaimEntity, { id })) ?? undefined;
  }

  async insertClaim(claim: NewClaim): Promise<SubsidyClaim> {
    await this.manager.insert(SubsidyClaimEntity, { ...claim, status: "DRAFT", version: 1 });
    return (await this.getClaim(claim.id))!;
  }

  async updateClaim(id: string, patch: ClaimPatch): Promise<SubsidyClaim> {
    await this.manager
      .createQueryBuilder()
      .update(SubsidyClaimEntity)
      .set({ ...patch, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return (await this.getClaim(id))!;
  }

  async addClaimLines(
    claimId: string,
    lines: readonly { taskId: string; standardId: string; rateFen: bigint; amountFen: bigint }[],
  ): Promise<void> {
    const [{ n }] = (await this.manager.query(
      `SELECT coalesce(max(computation), 0) + 1 AS n FROM claim_line WHERE claim_id = $1`,
      [claimId],
    )) as { n: number }[];
    if (lines.length)
      await this.manager.insert(
        ClaimLineEntity,
        lines.map((l) => ({ ...l, claimId, computation: n })),
      );
    await this.manager.update(
      TaskRecordEntity,
      { id: In(lines.map((l) => l.taskId)), claimId: IsNull() },
      { claimId },
    );
  }

  async insertBatch(batch: Omit<PaymentBatch, "createdAt">): Promise<PaymentBatch> {
    await this.manager.insert(PaymentBatchEntity, batch);
    return (await this.getBatch(batch.id))!;
  }

  async getBatch(id: string): Promise<PaymentBatch | undefined> {
    return (await this.manager.findOneBy(PaymentBatchEntity, { id })) ?? undefined;
  }
}
