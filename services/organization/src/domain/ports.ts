import type {
  EventContract,
  EventData,
  RuleStatusLedger,
  RuleStatusResult,
} from "@grassroots/events/contracts";
import type { IdempotencyStore } from "@grassroots/kit/idempotency";
import type { Page } from "@grassroots/kit/validation";
import type { ImportReport } from "./commands/import-divisions";
import type { NewOrgUnit, OrgUnit, OrgUnitKind, OrgUnitPatch } from "./org-unit";
import type { Assessment, AssessmentItem, NewAssessment, NewStandard, Standard } from "./standardization";

/**
 * What the domain needs from storage. Implemented in src/db with TypeORM; the domain never sees it.
 * "Scope" is the path prefix of the caller's subtree: reads only ever return units under it.
 */
export type Scope = string;

/** Org units inside a transaction (writes). */
export interface OrgUnitStore {
  get(id: string): Promise<OrgUnit | undefined>;
  /** Reads and locks the row until the transaction ends (SELECT … FOR UPDATE). */
  lock(id: string): Promise<OrgUnit | undefined>;
  getByCode(code: string): Promise<OrgUnit | undefined>;
  idTaken(id: string): Promise<boolean>;
  insert(unit: NewOrgUnit): Promise<OrgUnit>;
  /** Applies the patch, bumps the version and updated_at; returns the new state. */
  update(id: string, patch: OrgUnitPatch): Promise<OrgUnit>;
  countActiveChildren(id: string): Promise<number>;
  /** Units strictly under `path`, locked, root-most first. */
  lockDescendants(path: string): Promise<OrgUnit[]>;
  /** Codes that start with `prefix` and belong to units outside `path`. */
  codesWithPrefixOutside(prefix: string, path: string): Promise<string[]>;
  /** Rewrites parent, code and path of a moved unit or its descendant; bumps the version. */
  relocate(id: string, change: { parentId: string | null; code: string; path: string }): Promise<OrgUnit>;
  addRegisterCount(entry: {
    orgUnitId: string;
    count: number;
    asOf: string;
    recordedBy: string;
    recordedByName: string;
  }): Promise<void>;
}

export interface StandardizationStore {
  findStandard(code: string, version: number): Promise<Standard | undefined>;
  /** The latest version of a code, with the code locked until the transaction ends (the next is +1). */
  lockLatestVersion(code: string): Promise<number | undefined>;
  standardById(id: string): Promise<Standard | undefined>;
  insertStandard(standard: NewStandard): Promise<Standard>;
  insertAssessment(assessment: NewAssessment): Promise<Assessment>;
  assessment(id: string): Promise<Assessment | undefined>;
  lockAssessment(id: string): Promise<Assessment | undefined>;
  recognize(id: string, batch: number, year: number, by: { id: string; name: string }): Promise<Assessment>;
}

/** Reports of division imports sent with a client requestId (a retry returns the first one). */
export interface DivisionImportStore {
  /** Keeps the report; returns its id. */
  record(report: ImportReport, importedBy: string): Promise<string>;
  get(id: string): Promise<ImportReport | undefined>;
}

/** Every subject of R1 and R2 with what its result is computed from (the backfill before a republish). */
export interface RuleSubjectStore {
  /** Every unit of these kinds, active or not, in code order. */
  unitsOfKinds(kinds: readonly OrgUnitKind[]): Promise<OrgUnit[]>;
  /** Per assessed unit and year, the assessment that decides that year (latest date, then latest recorded). */
  latestAssessmentsPerYear(orgUnitId?: string, year?: number): Promise<Assessment[]>;
}

/** A division row as the bulk import stages it: its place in the import's order and the codes it names. */
export interface StagedDivisionRow {
  seq: number;
  code: string;
  parentCode: string | null;
  /** orgUnitIdForCode(code): the id a new unit gets unless a unit already holds it. */
  derivedId: string;
}

/** What a bulk-applied unit change sets: the unit's new name, kind and post, from a checked patch. */
export interface BulkUnitChange {
  id: string;
  name: string;
  kind: OrgUnitKind;
  postEstablished: boolean;
  postEstablishedOn: string | null;
}

/** An event to publish: what `tx.publish(contract, data)` takes. */
export interface PendingEvent<C extends EventContract = EventContract> {
  contract: C;
  data: EventData<C>;
}

/**
 * The division import's bulk path inside a transaction: rows staged in a temporary table of it, the
 * database's side of their checks looked up set-wise, writes and events in one statement per chunk.
 */
export interface DivisionBulkStore {
  /** Stages the rows (a TEMP table, dropped at commit or by `done`), one INSERT per `chunk` rows. */
  stage(rows: readonly StagedDivisionRow[], chunk: number): Promise<void>;
  /**
   * Every existing unit whose code a staged row gives as its own or its parent's, locked until the
   * transaction ends, plus the parents of those; and which staged rows' derived ids are already held.
   */
  lookUp(): Promise<{ units: OrgUnit[]; takenIds: Set<string> }>;
  /** Inserts the units in their order (parents first); returns them as stored. */
  insert(units: readonly NewOrgUnit[], chunk: number): Promise<OrgUnit[]>;
  /** Applies the changes (version + 1, updated_at now); returns the units as stored, in the same order. */
  update(changes: readonly BulkUnitChange[], chunk: number): Promise<OrgUnit[]>;
  /** Writes the events to the outbox in their order (each checked against its contract). */
  publish(events: readonly PendingEvent[], chunk: number): Promise<void>;
  /** The ledger's publish-if-changed for many results; returns how many it published. */
  publishRuleStatuses(results: readonly RuleStatusResult[], chunk: number): Promise<number>;
  /** Drops the staging table, so another import in the same transaction stages its own. */
  done(): Promise<void>;
}

export interface Transaction {
  units: OrgUnitStore;
  /** The division import's set-wise reads and writes. */
  bulk: DivisionBulkStore;
  ruleStatus: RuleStatusLedger;
  ruleSubjects: RuleSubjectStore;
  standardization: StandardizationStore;
  /** Client request ids of mutations a client may retry (the kit's idempotency_key table). */
  idempotency: IdempotencyStore;
  imports: DivisionImportStore;
  /**
   * Writes the event to the outbox in this transaction; its Kafka key is the data field the contract
   * names (`contract.key.field`), checked at publish.
   */
  publish<C extends EventContract>(contract: C, data: EventData<C>): Promise<void>;
}

/** Runs work in one database transaction: all its changes and events commit together, or none. */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

export interface OrgUnitFilter {
  nameContains?: string;
  codePrefix?: string;
  kinds?: OrgUnitKind[];
  /** Only units strictly under this unit's path. */
  underPath?: string;
  parentId?: string;
  includeInactive?: boolean;
}

export interface PageRequest {
  first: number;
  /** Exclusive: the code of the last unit already seen. */
  afterCode?: string;
}

/** A page of a list (the kit's: its connection is `connectionOf(page, kind, keyOf)`). */
export type { Page } from "@grassroots/kit/validation";

export interface RegisterCountEntry {
  orgUnitId: string;
  count: number;
  asOf: string;
  recordedBy: string;
  /** The display name beside the subject; null for counts recorded before names were kept. */
  recordedByName: string | null;
  recordedAt: Date;
}

/** A unit another subgraph's record points at, and whether the caller's area holds it. */
export interface ReferencedUnit {
  unit: OrgUnit;
  inArea: boolean;
}

/** Counts of active units by banner and kind (R1 coverage). */
export interface PostCountRow {
  bannerId: string;
  kind: OrgUnitKind;
  total: number;
  established: number;
}

/** One township-level unit and its standardization state as of a date (R2 summary). */
export interface TownshipStandardizationRow {
  bannerId: string;
  orgUnitId: string;
  latestResult: "STANDARDIZED" | "NOT_STANDARDIZED" | null;
  /** Items MET and rated in that latest assessment (null when there is none by the date). */
  latestItemsMet: number | null;
  latestItemsTotal: number | null;
  recognized: boolean;
}

/** Reads outside transactions, always scoped to a subtree. */
export interface OrgUnitReads {
  byIds(ids: readonly string[], scope: Scope): Promise<OrgUnit[]>;
  byCode(code: string, scope: Scope): Promise<OrgUnit | undefined>;
  /**
   * Federation references: every existing unit among `ids`, each with whether it lies in the area of
   * the user whose home unit is `homeUnitId` (the scope is looked up inside the same ONE query).
   */
  referenced(ids: readonly string[], homeUnitId: string): Promise<ReferencedUnit[]>;
  search(filter: OrgUnitFilter, scope: Scope, page: PageRequest): Promise<Page<OrgUnit>>;
  /** The first page of children of each parent, in code order, with a fixed number of statements. */
  firstChildPages(
    parentIds: readonly string[],
    scope: Scope,
    first: number,
    includeInactive: boolean,
  ): Promise<Map<string, Page<OrgUnit>>>;
  registerHistory(ids: readonly string[]): Promise<RegisterCountEntry[]>;
  /** Active county-level units in scope, or the one containing the scope when it lies below county level. */
  bannersFor(scope: Scope, bannerId?: string): Promise<OrgUnit[]>;
  postCounts(
    scope: Scope,
    kinds: readonly OrgUnitKind[],
    bannerIds: readonly string[],
  ): Promise<PostCountRow[]>;
  townshipStandardization(
    scope: Scope,
    kinds: readonly OrgUnitKind[],
    bannerIds: readonly string[],
    asOf: string,
    recognizedBy: number | undefined,
  ): Promise<TownshipStandardizationRow[]>;
}

export interface StandardizationReads {
  standards(): Promise<Standard[]>;
  standardsByIds(ids: readonly string[]): Promise<Standard[]>;
  latestAssessments(orgUnitIds: readonly string[]): Promise<Assessment[]>;
  assessmentItems(assessmentIds: readonly string[]): Promise<(AssessmentItem & { assessmentId: string })[]>;
  assessmentById(id: string): Promise<Assessment | undefined>;
}

/** The business clock (dates in China, UTC+8), shared by every service. */
export type { Clock } from "@grassroots/kit/validation";
import type { Clock } from "@grassroots/kit/validation";

/** Everything the GraphQL layer and the tools call into, built once in main.ts (or a test). */
export interface OrganizationServices {
  uow: UnitOfWork;
  units: OrgUnitReads;
  standardization: StandardizationReads;
  clock: Clock;
}
