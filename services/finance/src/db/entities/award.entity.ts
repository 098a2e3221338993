import { Column, Entity, PrimaryColumn } from "typeorm";
import type {
  AllocationRound,
  AwardProgramme,
  ResultSet,
  RoundAllocation,
  RoundStatus,
  RoundStep,
  RuleData,
  RuleVersion,
} from "../../domain/award";
import { fenColumn } from "./money-column";

@Entity("award_programme")
export class AwardProgrammeEntity implements AwardProgramme {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "city_unit_id", type: "uuid" }) cityUnitId: string;
  @Column("text") name: string;
  @Column({ name: "first_year", type: "integer" }) firstYear: number;
  @Column({ name: "last_year", type: "integer" }) lastYear: number;
  @Column({ name: "annual_amount_fen", type: "bigint", transformer: fenColumn }) annualAmountFen: bigint;
  @Column({ name: "rule_version", type: "integer" }) ruleVersion: number;
  @Column({ name: "is_sample", type: "boolean" }) isSample: boolean;
  @Column({ name: "created_by", type: "text" }) createdBy: string;
  @Column({ name: "created_by_name", type: "text" }) createdByName: string;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("award_rule_version")
export class AwardRuleVersionEntity implements RuleVersion {
  @PrimaryColumn({ name: "programme_id", type: "uuid" }) programmeId: string;
  @PrimaryColumn("integer") version: number;
  @Column("jsonb") rule: RuleData;
  @Column({ name: "is_sample", type: "boolean" }) isSample: boolean;
  @Column({ name: "created_by", type: "text" }) createdBy: string;
  @Column({ name: "created_by_name", type: "text" }) createdByName: string;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}

@Entity("assessment_result_set")
export class AssessmentResultSetEntity implements ResultSet {
  @PrimaryColumn({ name: "result_set_id", type: "uuid" }) resultSetId: string;
  @Column({ name: "scheme_id", type: "uuid" }) schemeId: string;
  @Column({ name: "owner_unit_id", type: "uuid" }) ownerUnitId: string;
  @Column({ name: "subject_kind", type: "text" }) subjectKind: string;
  @Column("integer") year: number;
  @Column("integer") revision: number;
  @Column({ type: "uuid", nullable: true }) supersedes: string | null;
  @Column({ type: "text", nullable: true }) reason: string | null;
  @Column({ name: "published_at", type: "timestamptz" }) publishedAt: Date;
  @Column("jsonb") results: ResultSet["results"];
}

@Entity("allocation_round")
export class AllocationRoundEntity implements AllocationRound {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "programme_id", type: "uuid" }) programmeId: string;
  @Column({ name: "fiscal_year", type: "integer" }) fiscalYear: number;
  @Column({ name: "line_id", type: "uuid" }) lineId: string;
  @Column("text") status: RoundStatus;
  @Column({ name: "rule_version", type: "integer", nullable: true }) ruleVersion: number | null;
  @Column({ name: "result_set_id", type: "uuid", nullable: true }) resultSetId: string | null;
  @Column("integer") computation: number;
  @Column({ name: "remainder_fen", type: "bigint", nullable: true, transformer: fenColumn }) remainderFen:
    bigint | null;
  @Column({ name: "computed_by", type: "text", nullable: true }) computedBy: string | null;
  @Column({ name: "computed_by_name", type: "text", nullable: true }) computedByName: string | null;
  @Column({ name: "computed_at", type: "timestamptz", nullable: true }) computedAt: Date | null;
  @Column({ name: "approved_by", type: "text", nullable: true }) approvedBy: string | null;
  @Column({ name: "approved_by_name", type: "text", nullable: true }) approvedByName: string | null;
  @Column({ name: "approved_at", type: "timestamptz", nullable: true }) approvedAt: Date | null;
  @Column({ type: "text", nullable: true }) flag: string | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("round_allocation")
export class RoundAllocationEntity implements RoundAllocation {
  @PrimaryColumn({ name: "round_id", type: "uuid" }) roundId: string;
  @PrimaryColumn("integer") computation: number;
  @PrimaryColumn({ name: "unit_id", type: "uuid" }) unitId: string;
  @Column({ name: "unit_code", type: "text" }) unitCode: string;
  @Column({ name: "unit_name", type: "text" }) unitName: string;
  @Column("text") score: string;
  @Column({ type: "text", nullable: true }) grade: string | null;
  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn }) amountFen: bigint;
}

@Entity("round_payment")
export class RoundPaymentEntity {
  @PrimaryColumn({ name: "disbursement_id", type: "uuid" }) disbursementId: string;
  @Column({ name: "round_id", type: "uuid" }) roundId: string;
  @Column("integer") computation: number;
  @Column({ name: "unit_id", type: "uuid" }) unitId: string;
}

@Entity("round_step")
export class RoundStepEntity implements RoundStep {
  @PrimaryColumn({ name: "round_id", type: "uuid" }) roundId: string;
  @PrimaryColumn("integer") seq: number;
  @Column("text") step: string;
  @Column({ name: "actor_id", type: "text" }) actorId: string;
  @Column({ name: "actor_name", type: "text" }) actorName: string;
  @Column({ type: "timestamptz" }) at: Date;
  @Column({ type: "text", nullable: true }) note: string | null;
}
