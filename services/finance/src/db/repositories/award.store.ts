import type { EntityManager } from "typeorm";
import type { Actor } from "../../domain/access-policy";
import type {
  AllocationRound,
  AwardProgramme,
  ResultSet,
  RoundAllocation,
  RuleData,
  RuleVersion,
} from "../../domain/award";
import { fenOf } from "@grassroots/kit/validation";
import type { AwardStore, NewProgramme, RoundPatch, RoundPayment } from "../../domain/ports";
import {
  AllocationRoundEntity,
  AssessmentResultSetEntity,
  AwardProgrammeEntity,
  AwardRuleVersionEntity,
  RoundAllocationEntity,
  RoundPaymentEntity,
} from "../entities/award.entity";

/** R9 writes inside one transaction. Rule versions, allocations, steps and payments are only ever added. */
export class TypeOrmAwardStore implements AwardStore {
  constructor(private readonly manager: EntityManager) {}

  async insertProgramme(programme: NewProgramme, rule: RuleData): Promise<AwardProgramme> {
    await this.manager.insert(AwardProgrammeEntity, { ...programme, ruleVersion: 1, version: 1 });
    await this.manager.insert(AwardRuleVersionEntity, {
      programmeId: programme.id,
      version: 1,
      rule,
      isSample: programme.isSample,
      createdBy: programme.createdBy,
      createdByName: programme.createdByName,
    });
    return (await this.getProgramme(programme.id))!;
  }

  async getProgramme(id: string): Promise<AwardProgramme | undefined> {
    return (await this.manager.findOneBy(AwardProgrammeEntity, { id })) ?? undefined;
  }

  async lockProgramme(id: string): Promise<AwardProgramme | undefined> {
    const found = await this.manager
      .createQueryBuilder(AwardProgrammeEntity, "p")
      .where("p.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    return found ?? undefined;
  }

  async addRuleVersion(
    programmeId: string,
    rule: RuleData,
    isSample: boolean,
    actor: Actor,
  ): Promise<AwardProgramme> {
    const programme = (await this.getProgramme(programmeId))!;
    const version = programme.ruleVersion + 1;
    await this.manager.insert(AwardRuleVersionEntity, {
      programmeId,
      version,
      rule,
      isSample,
      createdBy: actor.id,
      createdByName: actor.name,
    });
    await this.manager
      .createQueryBuilder()
      .update(AwardProgrammeEntity)
      .set({ ruleVersion: version, isSample, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id: programmeId })
      .execute();
    return (await this.getProgramme(programmeId))!;
  }

  async ruleVersion(programmeId: string, version: number): Promise<RuleVersion | undefined> {
    return (await this.manager.findOneBy(AwardRuleVersionEntity, { programmeId, version })) ?? undefined;
  }

  async insertRound(round: Pick<AllocationRound, "id" | "programmeId" | "fiscalYear" | "lineId">) {
    await this.manager.insert(AllocationRoundEntity, {
      ...round,
      status: "DRAFT",
      computation: 0,
      version: 1,
    });
    return (await this.getRound(round.id))!;
  }

  async getRound(id: string): Promise<AllocationRound | undefined> {
    return (await this.manager.findOneBy(AllocationRoundEntity, { id })) ?? undefined;
  }

  async roundOf(programmeId: string, fiscalYear: number): Promise<AllocationRound | undefined> {
    return (await this.manager.findOneBy(AllocationRoundEntity, { programmeId, fiscalYear })) ?? undefined;
  }

  async lockRound(id: string): Promise<AllocationRound | undefined> {
    const found = await this.manager
      .createQueryBuilder(AllocationRoundEntity, "r")
      .where("r.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    return found ?? undefined;
  }

  lockRoundsOf(cityUnitId: string, year: number): Promise<AllocationRound[]> {
    return this.manager
      .createQueryBuilder(AllocationRoundEntity, "r")
      .innerJoin(AwardProgrammeEntity, "p", "p.id = r.programme_id")
      .where("p.city_unit_id = :city AND r.fiscal_year = :year", { city: cityUnitId, year })
      .orderBy("r.id")
      .setLock("pessimistic_write", undefined, ["r"])
      .getMany();
  }

  async updateRound(id: string, patch: RoundPatch): Promise<AllocationRound> {
    await this.manager
      .createQueryBuilder()
      .update(AllocationRoundEntity)
      .set({ ...patch, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return (await this.getRound(id))!;
  }

  async addAllocations(allocations: RoundAllocation[]): Promise<void> {
    if (allocations.length) await this.manager.insert(RoundAllocationEntity, allocations);
  }

  allocationsOf(roundId: string, computation: number): Promise<RoundAllocation[]> {
    return this.manager.find(RoundAllocationEntity, {
      where: { roundId, computation },
      order: { unitCode: "ASC" },
    });
  }

  async addStep(roundId: string, step: string, actor: Actor, note: string | null): Promise<void> {
    await this.manager.query(
      `INSERT INTO round_step (round_id, seq, step, actor_id, actor_name, note)
       SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5 FROM round_step WHERE round_id = $1`,
      [roundId, step, actor.id, actor.name, note],
    );
  }

  async addPayment(payment: {
    disbursementId: string;
    roundId: string;
    computation: number;
    unitId: string;
  }) {
    await this.manager.insert(RoundPaymentEntity, payment);
  }

  async paymentsOf(roundId: string): Promise<RoundPayment[]> {
    const rows = (await this.manager.query(paymentsSql("p.round_id = ANY($1::uuid[])"), [
      [roundId],
    ])) as PaymentRow[];
    return rows.map(paymentOf);
  }

  async saveResultSet(set: ResultSet): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(AssessmentResultSetEntity)
      .values(set)
      .orIgnore()
      .execute();
  }

  async latestResultSet(ownerUnitId: string, year: number): Promise<ResultSet | undefined> {
    const found = await this.manager.findOne(AssessmentResultSetEntity, {
      where: { ownerUnitId, year, subjectKind: "BANNER" },
      order: { revision: "DESC", publishedAt: "DESC" },
    });
    return found ?? undefined;
  }

  async getResultSet(id: string): Promise<ResultSet | undefined> {
    return (await this.manager.findOneBy(AssessmentResultSetEntity, { resultSetId: id })) ?? undefined;
  }
}

export type PaymentRow = {
  disbursement_id: string;
  round_id: string;
  unit_id: string;
  line_id: string;
  instalment_seq: number;
  amount_fen: string;
  paid_on: string;
  due_date: string | null;
  reversed: boolean;
};

/** Payments of rounds with their disbursements, the instalment's due date and whether they were reversed. */
export const paymentsSql = (where: string) => `
  SELECT p.disbursement_id::text, p.round_id::text, p.unit_id::text, d.line_id::text, d.instalment_seq,
         d.amount_fen::text, d.paid_on::text, i.due_date::text AS due_date,
         EXISTS (SELECT 1 FROM disbursement x WHERE x.reverses_id = d.id) AS reversed
    FROM round_payment p
    JOIN disbursement d ON d.id = p.disbursement_id
    JOIN budget_line l ON l.id = d.line_id
    LEFT JOIN budget_instalment i ON i.line_id = l.id AND i.revision = l.current_revision AND i.seq = d.instalment_seq
   WHERE ${where}
   ORDER BY d.paid_on, p.disbursement_id`;

export const paymentOf = (r: PaymentRow): RoundPayment => ({
  disbursementId: r.disbursement_id,
  roundId: r.round_id,
  unitId: r.unit_id,
  lineId: r.line_id,
  instalmentSeq: r.instalment_seq,
  amountFen: fenOf(r.amount_fen),
  paidOn: r.paid_on,
  dueDate: r.due_date,
  reversed: r.reversed,
});
