import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { fenOf } from "@grassroots/kit/validation";
import type { StatisticianPayment, SubsidyReads } from "../../domain/ports";
import type { SubsidyClaim, SubsidyStandard, TaskRecord } from "../../domain/subsidy";
import {
  SubsidyClaimEntity,
  SubsidyStandardEntity,
  SubsidyStandardItemEntity,
  TaskRecordEntity,
} from "../entities/subsidy.entity";
import { homeScope, pathInScope } from "./scope.sql";

/** R10 reads outside a transaction: one statement per batch (two for standards with their items). */
export class SqlSubsidyReads implements SubsidyReads {
  constructor(private readonly dataSource: DataSource) {}

  async standardsOfBanners(bannerIds: readonly string[]): Promise<SubsidyStandard[]> {
    if (bannerIds.length === 0) return [];
    const m = this.dataSource.manager;
    const heads = await m.find(SubsidyStandardEntity, {
      where: { bannerUnitId: In([...bannerIds]) },
      order: { version: "ASC" },
    });
    const items = heads.length
      ? await m.find(SubsidyStandardItemEntity, { where: { standardId: In(heads.map((h) => h.id)) } })
      : [];
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

  tasksOfStatisticians(ids: readonly string[]): Promise<TaskRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(TaskRecordEntity, {
      where: { statisticianId: In([...ids]) },
      order: { businessDate: "ASC", id: "ASC" },
    });
  }

  claimsOfStatisticians(ids: readonly string[]): Promise<SubsidyClaim[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(SubsidyClaimEntity, {
      where: { statisticianId: In([...ids]) },
      order: { period: "ASC" },
    });
  }

  claimsOfBanner(bannerUnitId: string, period: string, scope: string): Promise<SubsidyClaim[]> {
    return this.dataSource.manager
      .createQueryBuilder(SubsidyClaimEntity, "c")
      .innerJoin("org_unit", "u", "u.id = c.banner_unit_id")
      .where("c.banner_unit_id = :banner AND c.period = :period", { banner: bannerUnitId, period })
      .andWhere(`(${pathInScope("u.path", ":scope")} OR :scope LIKE u.path || '%')`, { scope })
      .orderBy("c.statistician_id")
      .getMany();
  }

  async paymentsOfStatisticians(ids: readonly string[]): Promise<StatisticianPayment[]> {
    if (ids.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT c.statistician_id::text AS statistician_id, c.id::text AS claim_id, b.id::text AS batch_id, c.period,
              c.approved_fen::text AS amount_fen, b.voucher_number, b.paid_on::text AS paid_on
         FROM subsidy_claim c JOIN payment_batch b ON b.id = c.batch_id
        WHERE c.statistician_id = ANY($1::uuid[])
        ORDER BY b.paid_on, c.id`,
      [ids],
    )) as {
      statistician_id: string;
      claim_id: string;
      batch_id: string;
      period: string;
      amount_fen: string;
      voucher_number: string;
      paid_on: string;
    }[];
    return rows.map((r) => ({
      statisticianId: r.statistician_id,
      claimId: r.claim_id,
      batchId: r.batch_id,
      period: r.period,
      amountFen: fenOf(r.amount_fen),
      voucherNumber: r.voucher_number,
      paidOn: r.paid_on,
    }));
  }

  async statisticiansInArea(ids: readonly string[], homeUnitId: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT x.id::text AS id FROM unnest($1::uuid[]) AS x(id)
        WHERE EXISTS (SELECT 1 FROM post_assignment a JOIN org_unit u ON u.id = a.org_unit_id
                       WHERE a.statistician_id = x.id AND ${pathInScope("u.path", homeScope("$2"))})`,
      [ids, homeUnitId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
