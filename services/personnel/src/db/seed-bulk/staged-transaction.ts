import {
  ruleStatusContractOf,
  type EventContract,
  type EventData,
  type OutboxEvent,
  type RuleStatusData,
  type RuleStatusLedger,
  type RuleStatusResult,
} from "@grassroots/events";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { EntityManager } from "typeorm";
import type { RecordedCompliance, Transaction } from "../../domain/ports";
import { KeyedIdempotencyStore } from "../keyed-idempotency";
import { personalDataCipher } from "../personal-data";
import {
  StagedAssignments,
  StagedCertificates,
  StagedFilings,
  StagedIdempotency,
  StagedRuleSubjects,
  StagedStaffing,
  StagedStatisticians,
  StagedUnits,
} from "./staged-stores";

export interface LedgerRow {
  rule: string;
  subjectUnitId: string;
  subjectUnitPath: string;
  period: string;
  status: string;
  figures: RuleStatusData["figures"];
  reason: string;
  asOf: string;
}

const ledgerKey = (rule: string, subject: string, period: string | null) =>
  `${rule}|${subject}|${period ?? ""}`;

/** Two figure sets alike as jsonb compares them (the ledger's rule): same names, same values, any order. */
function sameFigures(a: RuleStatusData["figures"], b: RuleStatusData["figures"]): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((n) => n in b && a[n] === b[n]);
}

/**
 * publishRuleStatusIfChanged over memory: the ledger's last results of the staged units (read once per
 * chunk) decide, and each changed result becomes the same event at the same place in the event order.
 */
class StagedLedger implements RuleStatusLedger {
  readonly changed = new Map<string, LedgerRow>();
  constructor(
    private readonly stored: Map<string, LedgerRow>,
    private readonly events: OutboxEvent[],
  ) {}

  async publishIfChanged(result: RuleStatusResult): Promise<boolean> {
    const contract = ruleStatusContractOf(result.rule);
    const parsed = contract.schema.parse({ ...result, republished: false });
    const key = ledgerKey(parsed.rule, parsed.subjectUnitId, parsed.period);
    const before = this.changed.get(key) ?? this.stored.get(key);
    if (
      before &&
      before.status === parsed.status &&
      before.subjectUnitPath === parsed.subjectUnitPath &&
      sameFigures(before.figures, parsed.figures)
    )
      return false;
    this.changed.set(key, {
      rule: parsed.rule,
      subjectUnitId: parsed.subjectUnitId,
      subjectUnitPath: parsed.subjectUnitPath,
      period: parsed.period ?? "",
      status: parsed.status,
      figures: parsed.figures,
      reason: parsed.reason,
      asOf: parsed.asOf,
    });
    this.events.push({ contract, data: parsed });
    return true;
  }

  async publishAllIfChanged(results: readonly RuleStatusResult[]): Promise<number> {
    let published = 0;
    for (const result of results) if (await this.publishIfChanged(result)) published++;
    return published;
  }

  republish(): Promise<number> {
    throw new Error("the bulk seed's staging does not republish");
  }
}

/** What a staged chunk holds once its commands ran: the rows to write and the events in their order. */
export interface StagedChunk {
  tx: Transaction;
  statisticians: StagedStatisticians;
  assignments: StagedAssignments;
  filings: StagedFilings;
  certificates: StagedCertificates;
  staffing: StagedStaffing;
  ledger: StagedLedger;
  idempotency: StagedIdempotency;
  events: OutboxEvent[];
}

/**
 * A Transaction whose stores are memory, for units that hold no posts or filings yet: the seed's own
 * commands run on it unchanged (their rules, events and rule statuses), and flush.ts then writes what
 * they produced in a few set-wise statements. The stored staffing compliance and rule results of the
 * units are read first (`manager`), since organization's events may have published some already.
 */
export async function stageChunk(manager: EntityManager, units: OrgUnitProjection[]): Promise<StagedChunk> {
  const now = new Date();
  const unitMap = new Map(units.map((u) => [u.id, u]));
  const ids = units.map((u) => u.id);
  const stored = (await manager.query(
    `SELECT org_unit_id AS id, compliant FROM staffing_status WHERE org_unit_id = ANY($1)`,
    [ids],
  )) as { id: string; compliant: boolean }[];
  const ledgerRows = (await manager.query(
    `SELECT rule, subject_unit_id AS "subjectUnitId", subject_unit_path AS "subjectUnitPath", period, status,
            figures, reason, as_of AS "asOf"
       FROM rule_status_published WHERE subject_unit_id = ANY($1)`,
    [ids],
  )) as LedgerRow[];
  const events: OutboxEvent[] = [];
  const statisticians = new StagedStatisticians(now);
  const assignments = new StagedAssignments(now);
  const filings = new StagedFilings();
  const certificates = new StagedCertificates(now);
  const staffing = new StagedStaffing(
    new Map<string, RecordedCompliance>(stored.map((r) => [r.id, { compliant: r.compliant }])),
    now,
  );
  const ledger = new StagedLedger(
    new Map(ledgerRows.map((r) => [ledgerKey(r.rule, r.subjectUnitId, r.period), r])),
    events,
  );
  const idempotency = new StagedIdempotency();
  const tx: Transaction = {
    units: new StagedUnits(unitMap),
    statisticians,
    assignments,
    filings,
    certificates,
    staffing,
    ruleStatus: ledger,
    ruleSubjects: new StagedRuleSubjects(unitMap, assignments, filings),
    idempotency: new KeyedIdempotencyStore(idempotency, personalDataCipher(manager)),
    rosterImports: {
      record: () => Promise.reject(new Error("no roster import in the seed")),
      get: () => Promise.reject(new Error("no roster import in the seed")),
    },
    async publish<C extends EventContract>(contract: C, data: EventData<C>) {
      events.push({ contract, data } as OutboxEvent);
    },
  };
  return { tx, statisticians, assignments, filings, certificates, staffing, ledger, idempotency, events };
}
