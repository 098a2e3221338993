import type { Actor } from "./access-policy";
import type {
  AllocationRound,
  AwardProgramme,
  ResultSet,
  RoundAllocation,
  RoundStep,
  RuleData,
  RuleVersion,
} from "./award";

/** R9's ports: what the award programme's commands and reads need from storage (src/db implements them). */

type Scope = string;

export type NewProgramme = Omit<AwardProgramme, "ruleVersion" | "version" | "createdAt" | "updatedAt">;
export type RoundPatch = Partial<
  Pick<
    AllocationRound,
    | "status"
    | "ruleVersion"
    | "resultSetId"
    | "computation"
    | "remainderFen"
    | "computedBy"
    | "computedByName"
    | "computedAt"
    | "approvedBy"
    | "approvedByName"
    | "approvedAt"
    | "flag"
  >
>;

/** A payment of a round to a banner, with its disbursement as recorded on the programme's line. */
export interface RoundPayment {
  disbursementId: string;
  roundId: string;
  unitId: string;
  lineId: string;
  instalmentSeq: number;
  amountFen: bigint;
  paidOn: string;
  /** The instalment's due date in the line's current schedule (null if the schedule has no such instalment). */
  dueDate: string | null;
  reversed: boolean;
}

export interface AwardStore {
  insertProgramme(programme: NewProgramme, rule: RuleData): Promise<AwardProgramme>;
  getProgramme(id: string): Promise<AwardProgramme | undefined>;
  lockProgramme(id: string): Promise<AwardProgramme | undefined>;
  /** Stores the next version of the rule and makes it the programme's current one. */
  addRuleVersion(
    programmeId: string,
    rule: RuleData,
    isSample: boolean,
    actor: Actor,
  ): Promise<AwardProgramme>;
  ruleVersion(programmeId: string, version: number): Promise<RuleVersion | undefined>;
  insertRound(
    round: Pick<AllocationRound, "id" | "programmeId" | "fiscalYear" | "lineId">,
  ): Promise<AllocationRound>;
  getRound(id: string): Promise<AllocationRound | undefined>;
  roundOf(programmeId: string, fiscalYear: number): Promise<AllocationRound | undefined>;
  lockRound(id: string): Promise<AllocationRound | undefined>;
  /** The rounds of a city's programmes for a year, locked (a correction of the results reaches them). */
  lockRoundsOf(cityUnitId: string, year: number): Promise<AllocationRound[]>;
  updateRound(id: string, patch: RoundPatch): Promise<AllocationRound>;
  addAllocations(allocations: RoundAllocation[]): Promise<void>;
  allocationsOf(roundId: string, computation: number): Promise<RoundAllocation[]>;
  addStep(roundId: string, step: string, actor: Actor, note: string | null): Promise<void>;
  addPayment(payment: {
    disbursementId: string;
    roundId: string;
    computation: number;
    unitId: string;
  }): Promise<void>;
  paymentsOf(roundId: string): Promise<RoundPayment[]>;
  /** Keeps a result set as received (a redelivery changes nothing). */
  saveResultSet(set: ResultSet): Promise<void>;
  /** The latest revision of a city's assessment of its banners for a year. */
  latestResultSet(ownerUnitId: string, year: number): Promise<ResultSet | undefined>;
  getResultSet(id: string): Promise<ResultSet | undefined>;
}

/** A banner's allocation in a round of a year, with what was paid (OrgUnit.awardAllocations). */
export interface UnitAllocation {
  unitId: string;
  roundId: string;
  programmeId: string;
  fiscalYear: number;
  status: AllocationRound["status"];
  score: string;
  grade: string | null;
  amountFen: bigint;
  paidFen: bigint;
}

export interface AwardReads {
  /** Programmes of cities inside the caller's scope. */
  programmes(scope: Scope): Promise<AwardProgramme[]>;
  programmesByIds(ids: readonly string[]): Promise<AwardProgramme[]>;
  /** The current rule version of each programme. */
  currentRules(programmeIds: readonly string[]): Promise<RuleVersion[]>;
  roundsByIds(ids: readonly string[], scope: Scope): Promise<AllocationRound[]>;
  roundsOfProgrammes(programmeIds: readonly string[]): Promise<AllocationRound[]>;
  allocationsOfRounds(roundIds: readonly string[]): Promise<RoundAllocation[]>;
  stepsOfRounds(roundIds: readonly string[]): Promise<RoundStep[]>;
  paymentsOfRounds(roundIds: readonly string[]): Promise<RoundPayment[]>;
  allocationsOfUnits(unitIds: readonly string[], year: number): Promise<UnitAllocation[]>;
}
