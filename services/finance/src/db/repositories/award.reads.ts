import type { DataSource } from "typeorm";
import type {
  AllocationRound,
  AwardProgramme,
  RoundAllocation,
  RoundStep,
  RuleVersion,
} from "../../domain/award";
import type { AwardReads, RoundPayment, Scope, UnitAllocation } from "../../domain/ports";
import { fenOf } from "@grassroots/kit/validation";
import {
  AllocationRoundEntity,
  AwardProgrammeEntity,
  AwardRuleVersionEntity,
  RoundAllocationEntity,
  RoundStepEntity,
} from "../entities/award.entity";
import { paymentOf, paymentsSql, type PaymentRow } from "./award.store";
import { pathInScope } from "./scope.sql";

/** R9 reads outside a transaction: one statement per batch of programmes, rounds or units. */
export class SqlAwardReads implements AwardReads {
  constructor(private readonly dataSource: DataSource) {}

  programmes(scope: Scope): Promise<AwardProgramme[]> {
    return this.dataSource.manager
      .createQueryBuilder(AwardProgrammeEntity, "p")
      .innerJoin("org_unit", "u", "u.id = p.city_unit_id")
      .where(pathInScope("u.path", ":scope"), { scope })
      .orderBy("p.first_year")
      .addOrderBy("p.id")
      .getMany();
  }

  programmesByIds(ids: readonly string[]): Promise<AwardProgramme[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AwardProgrammeEntity, "p")
      .where("p.id IN (:...ids)", { ids })
      .getMany();
  }

  currentRules(programmeIds: readonly string[]): Promise<RuleVersion[]> {
    if (programmeIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AwardRuleVersionEntity, "v")
      .innerJoin(AwardProgrammeEntity, "p", "p.id = v.programme_id AND p.rule_version = v.version")
      .where("v.programme_id IN (:...ids)", { ids: programmeIds })
      .getMany();
  }

  roundsByIds(ids: readonly string[], scope: Scope): Promise<AllocationRound[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AllocationRoundEntity, "r")
      .innerJoin(AwardProgrammeEntity, "p", "p.id = r.programme_id")
      .innerJoin("org_unit", "u", "u.id = p.city_unit_id")
      .where("r.id IN (:...ids)", { ids })
      .andWhere(pathInScope("u.path", ":scope"), { scope })
      .getMany();
  }

  roundsOfProgrammes(programmeIds: readonly string[]): Promise<AllocationRound[]> {
    if (programmeIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(AllocationRoundEntity, "r")
      .where("r.programme_id IN (:...ids)", { ids: programmeIds })
      .orderBy("r.fiscal_year")
      .getMany();
  }

  /** The allocations of each round's last computation. */
  allocationsOfRounds(roundIds: readonly string[]): Promise<RoundAllocation[]> {
    if (roundIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(RoundAllocationEntity, "a")
      .innerJoin(AllocationRoundEntity, "r", "r.id = a.round_id AND r.computation = a.computation")
      .where("a.round_id IN (:...ids)", { ids: roundIds })
      .orderBy("a.unit_code")
      .getMany();
  }

  stepsOfRounds(roundIds: readonly string[]): Promise<RoundStep[]> {
    if (roundIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(RoundStepEntity, "s")
      .where("s.round_id IN (:...ids)", { ids: roundIds })
      .orderBy("s.seq")
      .getMany();
  }

  async paymentsOfRounds(roundIds: readonly string[]): Promise<RoundPayment[]> {
    if (roundIds.length === 0) return [];
    const rows = (await this.dataSource.query(paymentsSql("p.round_id = ANY($1::uuid[])"), [
      roundIds,
    ])) as PaymentRow[];
    return rows.map(paymentOf);
  }

  async allocationsOfUnits(unitIds: readonly string[], year: number): Promise<UnitAllocation[]> {
    if (unitIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT a.unit_id::text AS unit_id, r.id::text AS round_id, r.programme_id::text AS programme_id, r.fiscal_year,
              r.status, a.score, a.grade, a.amount_fen::text AS amount_fen,
              coalesce((SELECT sum(d.amount_fen) FROM round_payment p JOIN disbursement d ON d.id = p.disbursement_id
                         WHERE p.round_id = r.id AND p.unit_id = a.unit_id
                           AND NOT EXISTS (SELECT 1 FROM disbursement x WHERE x.reverses_id = d.id)), 0)::text AS paid_fen
         FROM round_allocation a
         JOIN allocation_round r ON r.id = a.round_id AND r.computation = a.computation
        WHERE a.unit_id = ANY($1::uuid[]) AND r.fiscal_year = $2
        ORDER BY r.programme_id`,
      [unitIds, year],
    )) as {
      unit_id: string;
      round_id: string;
      programme_id: string;
      fiscal_year: number;
      status: AllocationRound["status"];
      score: string;
      grade: string | null;
      amount_fen: string;
      paid_fen: string;
    }[];
    return rows.map((r) => ({
      unitId: r.unit_id,
      roundId: r.round_id,
      programmeId: r.programme_id,
      fiscalYear: r.fiscal_year,
      status: r.status,
      score: r.score,
      grade: r.grade,
      amountFen: fenOf(r.amount_fen),
      paidFen: fenOf(r.paid_fen),
    }));
  }
}
