import { z } from "zod";
import { orgPath } from "./common";
import { defineEvent, type EventContract, type EventKey } from "./contract";

// One shape for every rule's result (R12's automatic indicators and R13's live picture are built from
// these): the service that owns a rule publishes a change whenever a subject's result for it flips, and
// republishes every subject's current result on request (for a new consumer or a rebuilt projection).

/** Every rule that reports a status, with the service that owns it. */
export const RuleStatusRules = {
  "R1.post-established": "organization",
  "R2.standardization": "organization",
  "R3.township-staffing": "personnel",
  "R4.village-staffing": "personnel",
  "R5.filing-timeliness": "personnel",
  "R6.city-obligation": "training",
  "R6.banner-coverage": "training",
  "R7.pending-training": "personnel",
  "R8.funds-on-time-in-full": "finance",
  "R11.meeting-problems": "evaluation",
  "R13.rectification": "evaluation",
} as const;
export type RuleId = keyof typeof RuleStatusRules;
export const RuleIds = Object.keys(RuleStatusRules) as [RuleId, ...RuleId[]];

/**
 * MET / NOT_MET: the subject complies or not; NOT_APPLICABLE: the rule does not apply to it (a unit of
 * another kind, an inactive unit); UNKNOWN: the figures it needs are missing (no register count yet).
 */
export const RuleStatuses = ["MET", "NOT_MET", "NOT_APPLICABLE", "UNKNOWN"] as const;
export type RuleStatusValue = (typeof RuleStatuses)[number];

/** A figure behind a result: a count, a decimal written as a string (money in yuan "12.00", a rate "0.85"), a flag. */
export const ruleFigure = z.union([z.number().int(), z.string(), z.boolean(), z.null()]);

export const ruleStatusData = z.object({
  rule: z.enum(RuleIds),
  subjectUnitId: z.uuid(),
  subjectUnitPath: orgPath,
  /** The period the result is for, where the rule has one: a year "2024"; null for a standing rule. */
  period: z
    .string()
    .regex(/^\d{4}$/, "expected a year YYYY")
    .nullable(),
  status: z.enum(RuleStatuses),
  /** The figures behind the result, by name (required, actual, budgeted, paid, …). */
  figures: z.record(z.string(), ruleFigure),
  /** The reason in words a clerk reads ("needs 2 full-time statisticians, has 1"). */
  reason: z.string(),
  /** When the result became true (the business time of the change). */
  asOf: z.iso.datetime(),
  /** true when sent by a republish request rather than by a change. */
  republished: z.boolean(),
});
export type RuleStatusData = z.output<typeof ruleStatusData>;

/** A rule's current result for one subject, as its owning service computes it (the data less `republished`). */
export type RuleStatusResult = Omit<RuleStatusData, "republished">;

/**
 * The rule-status ledger as a service's domain sees it (its transaction's `ruleStatus`; the events
 * package's TypeOrmRuleStatusLedger implements it): publish a result only when it flips.
 */
export interface RuleStatusLedger {
  /** Publishes the result only when it differs from the last one published; returns whether it did. */
  publishIfChanged(result: RuleStatusResult): Promise<boolean>;
  /** The same for many results, reading their ledger rows in one statement; returns how many it published. */
  publishAllIfChanged(results: readonly RuleStatusResult[]): Promise<number>;
  /** Publishes every stored current result of these rules (or all) again (`republished: true`); returns the count. */
  republish(rules?: readonly RuleId[]): Promise<number>;
}

/** Kafka key of rule status events: the subject unit (a unit's results for every rule keep their order). */
export const RuleSubjectKey: EventKey = {
  field: "subjectUnitId",
  means: "the id of the unit whose result for the rule changed",
};

function ruleStatusChanged(service: string, rules: string): EventContract<typeof ruleStatusData> {
  return defineEvent(
    service,
    "rule-status",
    "changed",
    `A subject's result for one of ${service}'s rules (${rules}) flipped, or was republished on request. ` +
      "One shape for every rule of the suite.",
    ruleStatusData,
    RuleSubjectKey,
  );
}

export const OrganizationRuleStatusChanged = ruleStatusChanged("organization", "R1, R2");
export const PersonnelRuleStatusChanged = ruleStatusChanged("personnel", "R3, R4, R5, R7");
export const TrainingRuleStatusChanged = ruleStatusChanged("training", "R6");
export const FinanceRuleStatusChanged = ruleStatusChanged("finance", "R8");
export const EvaluationRuleStatusChanged = ruleStatusChanged("evaluation", "R11, R13");

/** Every rule status contract: what evaluation consumes. */
export const ruleStatusContracts = [
  OrganizationRuleStatusChanged,
  PersonnelRuleStatusChanged,
  TrainingRuleStatusChanged,
  FinanceRuleStatusChanged,
  EvaluationRuleStatusChanged,
];

/** The contract a service publishes its rules' results with. */
export function ruleStatusContractOf(rule: RuleId): EventContract<typeof ruleStatusData> {
  const service = RuleStatusRules[rule];
  return ruleStatusContracts.find((c) => c.service === service)!;
}
