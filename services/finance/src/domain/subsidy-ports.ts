import type { PaymentBatch, SubsidyClaim, SubsidyStandard, TaskRecord } from "./subsidy";

/** R10's ports: what the subsidy commands and reads need from storage (src/db implements them). */

type Scope = string;

export type NewStandard = Omit<SubsidyStandard, "createdAt">;
export type NewTask = Omit<TaskRecord, "recordedAt" | "claimId">;
export type NewClaim = Pick<
  SubsidyClaim,
  "id" | "statisticianId" | "bannerUnitId" | "period" | "computedFen"
>;
export type ClaimPatch = Partial<
  Omit<
    SubsidyClaim,
    "id" | "statisticianId" | "bannerUnitId" | "period" | "version" | "createdAt" | "updatedAt"
  >
>;

export interface SubsidyStore {
  /** Serialises a banner's standard versions and claim generation. */
  lockBanner(bannerUnitId: string): Promise<void>;
  standardsOf(bannerUnitId: string): Promise<SubsidyStandard[]>;
  insertStandard(standard: NewStandard): Promise<void>;
  /** Closes a superseded version's range (the day before its successor starts). */
  endStandard(id: string, effectiveTo: string): Promise<void>;
  /** Whether the person held a post in that unit on that date (personnel's assignments). */
  holdsPost(statisticianId: string, unitId: string, date: string): Promise<boolean>;
  insertTask(task: NewTask): Promise<TaskRecord>;
  getTask(id: string): Promise<TaskRecord | undefined>;
  /** A banner's tasks of a period not yet in a claim past DRAFT/RETURNED. */
  claimableTasks(bannerUnitId: string, period: string): Promise<TaskRecord[]>;
  claimOf(statisticianId: string, bannerUnitId: string, period: string): Promise<SubsidyClaim | undefined>;
  getClaim(id: string): Promise<SubsidyClaim | undefined>;
  lockClaims(ids: readonly string[]): Promise<SubsidyClaim[]>;
  insertClaim(claim: NewClaim): Promise<SubsidyClaim>;
  updateClaim(id: string, patch: ClaimPatch): Promise<SubsidyClaim>;
  /** A claim's computation (a new set of lines each time) and its tasks tied to it. */
  addClaimLines(
    claimId: string,
    lines: readonly { taskId: string; standardId: string; rateFen: bigint; amountFen: bigint }[],
  ): Promise<void>;
  insertBatch(batch: Omit<PaymentBatch, "createdAt">): Promise<PaymentBatch>;
  getBatch(id: string): Promise<PaymentBatch | undefined>;
}

/** A subsidy payment to a person: their claim in a payment batch. */
export interface StatisticianPayment {
  statisticianId: string;
  claimId: string;
  batchId: string;
  period: string;
  amountFen: bigint;
  voucherNumber: string;
  paidOn: string;
}

export interface SubsidyReads {
  standardsOfBanners(bannerIds: readonly string[]): Promise<SubsidyStandard[]>;
  tasksOfStatisticians(ids: readonly string[]): Promise<TaskRecord[]>;
  claimsOfStatisticians(ids: readonly string[]): Promise<SubsidyClaim[]>;
  /** A banner's claims of a period, for a caller inside (or above) the banner. */
  claimsOfBanner(bannerUnitId: string, period: string, scope: Scope): Promise<SubsidyClaim[]>;
  paymentsOfStatisticians(ids: readonly string[]): Promise<StatisticianPayment[]>;
  /** The people among ids who hold or held a post inside the caller's area (references; one statement). */
  statisticiansInArea(ids: readonly string[], homeUnitId: string): Promise<string[]>;
}
