import type { IdempotencyKey, IdempotencyStore } from "@grassroots/kit/idempotency";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { NewAssignment, PostAssignment, AssignmentPatch } from "../../domain/assignment";
import type { Filing, FilingPatch, FilingStep, NewFiling } from "../../domain/filing";
import type {
  AssignmentStore,
  CertificateStore,
  FilingStore,
  ProjectedUnitStore,
  RecordedCompliance,
  StaffingRecord,
  StaffingStatusStore,
  StatisticianStore,
} from "../../domain/ports";
import type { RuleSubjectStore, TimeDrivenFigures } from "../../domain/rule-status/ports";
import type {
  NewStatistician,
  PrePostCertificate,
  Statistician,
  StatisticianPatch,
} from "../../domain/statistician";
import { addDays } from "../../domain/values";
import { FULL_TIME_IN_ESTABLISHMENT } from "../../rules/r3-township-staffing";
import { LIAISON } from "../../rules/post-roles";
import {
  COUNTED_STATUS,
  PENDING_STATUS,
  type RequirementResult,
  type StaffCounts,
} from "../../rules/staffing-requirement";

/**
 * In-memory stores for the bulk seed's staging (staged-transaction.ts): they answer the seed's commands
 * as the SQL stores would for units that hold no posts or filings yet (the only units staged), so the
 * commands run unchanged and their rows are then written set-wise. Methods the seed never calls throw.
 */
const unused = (what: string) => () => {
  throw new Error(`the bulk seed's staging does not support ${what}`);
};
const copy = <T extends object>(row: T | undefined): T | undefined => (row ? { ...row } : undefined);

export class StagedUnits implements ProjectedUnitStore {
  constructor(private readonly units: Map<string, OrgUnitProjection>) {}
  get = async (id: string) => copy(this.units.get(id));
  getMany = async (ids: readonly string[]) =>
    ids.flatMap((id) => (this.units.has(id) ? [{ ...this.units.get(id)! }] : []));
  byCodes = unused("units.byCodes");
  apply = unused("units.apply");
}

export class StagedStatisticians implements StatisticianStore {
  readonly rows = new Map<string, Statistician>();
  private readonly byIdNumber = new Map<string, string>();
  constructor(private readonly now: Date) {}
  get = async (id: string) => copy(this.rows.get(id));
  lock = this.get;
  async idNumberHolder(idNumber: string) {
    const id = this.byIdNumber.get(idNumber);
    return copy(id === undefined ? undefined : this.rows.get(id));
  }
  byIdNumbers = unused("statisticians.byIdNumbers");
  async insert(s: NewStatistician) {
    this.rows.set(s.id, { ...s, version: 1, createdAt: this.now, updatedAt: this.now });
    this.byIdNumber.set(s.idNumber, s.id);
    return { ...this.rows.get(s.id)! };
  }
  async update(id: string, patch: StatisticianPatch) {
    const row = this.rows.get(id)!;
    Object.assign(row, definedOnly(patch), { version: row.version + 1, updatedAt: this.now });
    return { ...row };
  }
  // The seed acts as the system (whole tree): whoever it registered is in reach.
  visibleFrom = async (id: string) => this.rows.has(id);
  allIds = unused("statisticians.allIds");
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rows by a key (a person, a unit): the staged stores' lookups stay linear in the chunk. */
class Index<T> {
  private readonly map = new Map<string, T[]>();
  add(key: string, row: T) {
    const list = this.map.get(key);
    if (list) list.push(row);
    else this.map.set(key, [row]);
  }
  of = (key: string): readonly T[] => this.map.get(key) ?? [];
}

const byStart = (a: PostAssignment, b: PostAssignment) =>
  a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export class StagedAssignments implements AssignmentStore {
  readonly rows = new Map<string, PostAssignment>();
  readonly byPerson = new Index<PostAssignment>();
  readonly byUnit = new Index<PostAssignment>();
  constructor(private readonly now: Date) {}
  get = async (id: string) => copy(this.rows.get(id));
  lock = this.get;
  async insert(a: NewAssignment) {
    const row: PostAssignment = {
      ...a,
      activatedAt: a.status === "ACTIVE" ? this.now : null,
      version: 1,
      createdAt: this.now,
      updatedAt: this.now,
    } as PostAssignment;
    this.rows.set(a.id, row);
    this.byPerson.add(a.statisticianId, row);
    this.byUnit.add(a.orgUnitId, row);
    return { ...row };
  }
  async update(id: string, patch: AssignmentPatch) {
    const row = this.rows.get(id)!;
    Object.assign(row, definedOnly(patch), { version: row.version + 1, updatedAt: this.now });
    return { ...row };
  }
  async overlapping(statisticianId: string, orgUnitId: string, start: string, end: string | null) {
    return this.byPerson
      .of(statisticianId)
      .filter(
        (a) =>
          a.orgUnitId === orgUnitId &&
          (end === null || a.startDate <= end) &&
          (a.endDate === null || a.endDate >= start),
      )
      .sort(byStart)
      .map((a) => ({ ...a }));
  }
  async lockPending(statisticianId: string) {
    return this.byPerson
      .of(statisticianId)
      .filter((a) => a.status === PENDING_STATUS)
      .sort(byStart)
      .map((a) => ({ ...a }));
  }
  ofPeople = unused("assignments.ofPeople");
  /** STAFF_COUNTS_LATERAL (staff-counts.sql.ts) over the staged posts. */
  async counts(orgUnitIds: readonly string[]) {
    const counts = new Map<string, StaffCounts>(
      orgUnitIds.map((id) => [
        id,
        {
          active: 0,
          activeFullTimeInEstablishment: 0,
          activeLiaisons: 0,
          pending: 0,
          pendingFullTimeInEstablishment: 0,
          pendingLiaisons: 0,
        },
      ]),
    );
    for (const [unitId, c] of counts)
      for (const a of this.byUnit.of(unitId)) {
        if (a.status === "ENDED") continue;
        const fullTime =
          a.role === FULL_TIME_IN_ESTABLISHMENT.role &&
          a.establishment === FULL_TIME_IN_ESTABLISHMENT.establishment;
        if (a.status === COUNTED_STATUS) {
          c.active++;
          if (fullTime) c.activeFullTimeInEstablishment++;
          if (a.role === LIAISON) c.activeLiaisons++;
        } else if (a.status === PENDING_STATUS) {
          c.pending++;
          if (fullTime) c.pendingFullTimeInEstablishment++;
          if (a.role === LIAISON) c.pendingLiaisons++;
        }
      }
    return counts;
  }
}

export class StagedFilings implements FilingStore {
  readonly rows = new Map<string, Filing>();
  readonly byUnit = new Index<Filing>();
  readonly steps: FilingStep[] = [];
  get = async (id: string) => copy(this.rows.get(id));
  lock = this.get;
  async insert(f: NewFiling) {
    const row = { ...f, version: 1 } as Filing;
    this.rows.set(f.id, row);
    this.byUnit.add(f.orgUnitId, row);
    return { ...row };
  }
  async update(id: string, patch: FilingPatch) {
    const row = this.rows.get(id)!;
    Object.assign(row, patch, { version: row.version + 1 });
    return { ...row };
  }
  async addStep(step: FilingStep) {
    this.steps.push({ ...step });
  }
}

export interface StagedCertificate extends PrePostCertificate {
  isSample: boolean;
  receivedAt: Date;
}

export class StagedCertificates implements CertificateStore {
  readonly rows = new Map<string, StagedCertificate>();
  private readonly byPerson = new Index<StagedCertificate>();
  constructor(private readonly now: Date) {}
  async record(c: PrePostCertificate, isSample: boolean) {
    if (this.rows.has(c.certificateId)) return false;
    const { certificateId, certificateNumber, statisticianId, sessionId, completedOn } = c;
    const row = {
      certificateId,
      certificateNumber,
      statisticianId,
      sessionId,
      completedOn,
      isSample,
      receivedAt: this.now,
    };
    this.rows.set(certificateId, row);
    this.byPerson.add(statisticianId, row);
    return true;
  }
  async firstOf(statisticianId: string) {
    const held = [...this.byPerson.of(statisticianId)].sort((a, b) =>
      a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : 0,
    );
    return copy(held[0]);
  }
}

export interface StagedCompliance {
  orgUnitId: string;
  compliant: boolean;
  gaps: RequirementResult[];
  changedAt: Date;
}

export class StagedStaffing implements StaffingStatusStore {
  readonly changed = new Map<string, StagedCompliance>();
  /** What the database holds for the staged units (read once per chunk). */
  constructor(
    private readonly stored: Map<string, RecordedCompliance>,
    private readonly now: Date,
  ) {}
  async recorded(orgUnitIds: readonly string[]) {
    const found = new Map<string, RecordedCompliance>();
    for (const id of orgUnitIds) {
      const row = this.changed.get(id) ?? this.stored.get(id);
      if (row) found.set(id, { compliant: row.compliant });
    }
    return found;
  }
  async recordAll(changes: readonly StaffingRecord[]) {
    for (const { orgUnitId, compliant, gaps } of changes)
      this.changed.set(orgUnitId, { orgUnitId, compliant, gaps, changedAt: this.now });
  }
}

/** timeDrivenSubjects of rule-subject.store.ts over the staged filings and posts. */
export class StagedRuleSubjects implements RuleSubjectStore {
  constructor(
    private readonly units: Map<string, OrgUnitProjection>,
    private readonly assignments: StagedAssignments,
    private readonly filings: StagedFilings,
  ) {}
  unitIdsOfKinds = unused("ruleSubjects.unitIdsOfKinds");
  async timeDrivenSubjects(
    kinds: readonly string[],
    asOf: { today: string; filingDueDays: number; pendingTrainingMaxDays: number },
    unitIds?: readonly string[],
  ): Promise<{ unit: OrgUnitProjection; figures: TimeDrivenFigures }[]> {
    if (!unitIds)
      throw new Error("the bulk seed's staging computes time-driven figures only for given units");
    const min = (values: string[]) => (values.length ? values.sort()[0] : null);
    return [...new Set(unitIds)]
      .flatMap((id) => (this.units.has(id) ? [this.units.get(id)!] : []))
      .filter((u) => kinds.includes(u.kind))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((unit) => {
        const due = this.filings.byUnit
          .of(unit.id)
          .filter((f) => f.status !== "FILED")
          .map((f) => addDays(f.submittedOn, asOf.filingDueDays))
          .filter((d) => d < asOf.today);
        const pending = this.assignments.byUnit.of(unit.id).filter((a) => a.status === PENDING_STATUS);
        const tooLong = pending.filter((a) => addDays(a.startDate, asOf.pendingTrainingMaxDays) < asOf.today);
        return {
          unit: { ...unit },
          figures: {
            overdue: due.length,
            oldestDueDate: min(due),
            pending: pending.length,
            pendingTooLong: tooLong.length,
            oldestPendingSince: min(tooLong.map((a) => a.startDate)),
          },
        };
      });
  }
}

/** The kit's idempotency store over memory (KeyedIdempotencyStore wraps it, as it wraps the SQL one). */
export class StagedIdempotency implements IdempotencyStore {
  readonly rows = new Map<string, IdempotencyKey & { resultId: string | null }>();
  async claim(key: IdempotencyKey) {
    const first = this.rows.get(key.requestId);
    if (first) return { ...first };
    this.rows.set(key.requestId, { ...key, resultId: null });
    return undefined;
  }
  async complete(requestId: string, resultId: string) {
    this.rows.get(requestId)!.resultId = resultId;
  }
  used = unused("idempotency.used");
}
