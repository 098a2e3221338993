// Events of the finance service (R8–R10). Its R8 results go out as FinanceRuleStatusChanged (rule-status.ts).

import { z } from "zod";
import { isoDate, orgPath } from "./common";
import { defineEvent, type EventContract, type EventKey } from "./contract";

/** Money on the wire: yuan with exactly two decimals ("10000000.00"), never a float. */
export const yuanAmount = z
  .string()
  .regex(/^-?(0|[1-9]\d*)\.\d{2}$/, 'expected yuan with two decimals, e.g. "10000000.00"');

/** Kafka key of budget line and disbursement events: the line's id (a line's revisions and payments keep their order). */
export const BudgetLineKey: EventKey = {
  field: "lineId",
  means: "the budget line's id (its revisions, payments and reversals keep their order)",
};

const budgetLine = z.object({
  lineId: z.uuid(),
  fiscalYear: z.number().int().min(2000).max(2100),
  level: z.enum(["CITY", "BANNER"]),
  ownerUnitId: z.uuid(),
  ownerUnitPath: orgPath,
  purpose: z.string().min(1),
  purposeName: z.string().nullable(),
  beneficiaryUnitId: z.uuid().nullable(),
  amount: yuanAmount,
  revision: z.number().int().min(1),
  /** Why this revision was made (null for the first). */
  reason: z.string().nullable(),
  instalments: z
    .array(z.object({ seq: z.number().int().min(1), dueDate: isoDate, amount: yuanAmount }))
    .min(1),
  version: z.number().int().min(1),
});

export const BudgetLineCreated = defineEvent(
  "finance",
  "budget-line",
  "created",
  "A budget line was set (R8): fiscal year, owner, purpose, amount and its payment schedule.",
  budgetLine,
  BudgetLineKey,
);
export const BudgetLineRevised = defineEvent(
  "finance",
  "budget-line",
  "revised",
  "A budget line was revised (R8): a new version of its terms and schedule, with the reason.",
  budgetLine,
  BudgetLineKey,
);

const disbursement = z.object({
  disbursementId: z.uuid(),
  lineId: z.uuid(),
  fiscalYear: z.number().int().min(2000).max(2100),
  ownerUnitId: z.uuid(),
  instalmentSeq: z.number().int().min(1),
  kind: z.enum(["PAYMENT", "REVERSAL"]),
  amount: yuanAmount,
  paidOn: isoDate,
  voucherNumber: z.string().min(1),
  /** The payment a reversal undoes (null for a payment). */
  reversesId: z.uuid().nullable(),
  /** True when the payment took the line past its amount under a recorded over-budget approval. */
  overBudget: z.boolean(),
});

export const DisbursementRecorded = defineEvent(
  "finance",
  "disbursement",
  "recorded",
  "A payment (拨付) against an instalment of a budget line was recorded (R8).",
  disbursement,
  BudgetLineKey,
);
export const DisbursementReversed = defineEvent(
  "finance",
  "disbursement",
  "reversed",
  "A mistaken payment was reversed by a reversal referencing it (R8); the payment itself is kept.",
  disbursement,
  BudgetLineKey,
);

/** Kafka key of allocation round events: the round's id (its steps keep their order). */
export const AllocationRoundKey: EventKey = {
  field: "roundId",
  means: "the allocation round's id (its steps keep their order)",
};

const allocationRound = z.object({
  roundId: z.uuid(),
  programmeId: z.uuid(),
  cityUnitId: z.uuid(),
  fiscalYear: z.number().int().min(2000).max(2100),
  status: z.enum(["DRAFT", "COMPUTED", "APPROVED", "DISBURSED", "CLOSED"]),
  ruleVersion: z.number().int().min(1),
  /** The evaluation result set the allocation was computed from. */
  resultSetId: z.uuid(),
  computation: z.number().int().min(1),
  annualAmount: yuanAmount,
  remainder: yuanAmount,
  allocations: z.array(
    z.object({ unitId: z.uuid(), score: z.string(), grade: z.string().nullable(), amount: yuanAmount }),
  ),
  version: z.number().int().min(1),
});

export const AllocationRoundComputed = defineEvent(
  "finance",
  "allocation-round",
  "computed",
  "An award programme's round was computed (or recomputed after corrected results) from evaluation's results (R9).",
  allocationRound,
  AllocationRoundKey,
);
export const AllocationRoundApproved = defineEvent(
  "finance",
  "allocation-round",
  "approved",
  "A computed round was approved by a second person; its rule version and inputs are frozen (R9).",
  allocationRound,
  AllocationRoundKey,
);
export const AllocationRoundDisbursed = defineEvent(
  "finance",
  "allocation-round",
  "disbursed",
  "Every banner's allocation of an approved round was paid from the programme's budget line (R9).",
  allocationRound,
  AllocationRoundKey,
);

/** Kafka key of subsidy claim events: the claim's id. */
export const SubsidyClaimKey: EventKey = {
  field: "claimId",
  means: "the subsidy claim's id (its steps keep their order)",
};

const subsidyClaim = z.object({
  claimId: z.uuid(),
  statisticianId: z.uuid(),
  bannerUnitId: z.uuid(),
  period: z.string().regex(/^\d{4}-\d{2}$/, "expected a month YYYY-MM"),
  status: z.enum(["DRAFT", "SUBMITTED", "APPROVED", "RETURNED", "PAID"]),
  computed: yuanAmount,
  approved: yuanAmount.nullable(),
  /** The payment batch that paid it (PAID only). */
  batchId: z.uuid().nullable(),
  version: z.number().int().min(1),
});

const claimEvent = (action: string, description: string) =>
  defineEvent("finance", "subsidy-claim", action, description, subsidyClaim, SubsidyClaimKey);

export const SubsidyClaimSubmitted = claimEvent(
  "submitted",
  "A statistician's subsidy claim for a period was submitted (R10).",
);
export const SubsidyClaimApproved = claimEvent(
  "approved",
  "A subsidy claim was approved by the banner (R10), possibly at another amount with a reason.",
);
export const SubsidyClaimReturned = claimEvent(
  "returned",
  "A subsidy claim was returned with a reason (R10).",
);
export const SubsidyClaimPaid = claimEvent("paid", "A subsidy claim was paid in a payment batch (R10).");

export const financeEvents: EventContract[] = [
  BudgetLineCreated,
  BudgetLineRevised,
  DisbursementRecorded,
  DisbursementReversed,
  AllocationRoundComputed,
  AllocationRoundApproved,
  AllocationRoundDisbursed,
  SubsidyClaimSubmitted,
  SubsidyClaimApproved,
  SubsidyClaimReturned,
  SubsidyClaimPaid,
];
