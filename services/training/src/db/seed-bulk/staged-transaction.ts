import type { EventContract, EventData, OutboxEvent } from "@grassroots/events";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { OrgUnitRef, Post } from "../../domain/directory";
import type {
  CertificateStore,
  EnrollmentStore,
  OrgUnitStore,
  SessionStore,
  StatisticianStore,
  Transaction,
} from "../../domain/ports";
import type {
  Certificate,
  Enrollment,
  EnrollmentPatch,
  NewCertificate,
  NewEnrollment,
  NewSession,
  SessionPatch,
  TrainingSession,
} from "../../domain/training";
import { EnrollmentEntity } from "../entities/enrollment.entity";
import { TrainingSessionEntity } from "../entities/session.entity";
import { TypeOrmOrgUnitStore } from "../repositories/org-unit.store";
import { TypeOrmStatisticianStore } from "../repositories/statistician.store";

/**
 * A Transaction over memory for the bulk seed: sessions not yet in the database, so the seed's own
 * commands (plan, open, enrol, complete, record results) run unchanged on it, and flush.ts writes what
 * they produced set-wise. Who serves where (personnel's projection) and the organizers are read from
 * the database once per chunk; certificate numbers continue the organizer's counter as stored.
 */
const unused = (what: string) => () => {
  throw new Error(`the bulk seed's staging does not support ${what}`);
};
const copy = <T extends object>(row: T | undefined): T | undefined => (row ? { ...row } : undefined);

/** An entity's row as the database fills it on INSERT: every mapped property, null unless given. */
function blankRow<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, now: Date) {
  const props = manager.connection.getMetadata(entity).columns.map((c) => c.propertyName);
  return (given: object): T =>
    ({
      ...Object.fromEntries(props.map((p) => [p, null])),
      createdAt: now,
      updatedAt: now,
      ...given,
    }) as unknown as T;
}

class StagedSessions implements SessionStore {
  readonly rows = new Map<string, TrainingSession>();
  constructor(
    private readonly blank: (given: object) => TrainingSession,
    private readonly now: Date,
    private readonly enrollments: StagedEnrollments,
  ) {}
  get = async (id: string) => copy(this.rows.get(id));
  lock = this.get;
  async insert(session: NewSession) {
    this.rows.set(session.id, this.blank({ ...session, status: "PLANNED", version: 1 }));
    return { ...this.rows.get(session.id)! };
  }
  async update(id: string, patch: SessionPatch) {
    const row = this.rows.get(id)!;
    Object.assign(row, patch, { version: row.version + 1, updatedAt: this.now });
    return { ...row };
  }
  countEnrolled = async (sessionId: string) =>
    this.enrollments.ofSession(sessionId).filter((e) => e.status === "ENROLLED").length;
}

class StagedEnrollments implements EnrollmentStore {
  readonly rows = new Map<string, Enrollment>();
  private readonly bySession = new Map<string, Enrollment[]>();
  constructor(
    private readonly blank: (given: object) => Enrollment,
    private readonly now: Date,
  ) {}
  ofSession = (sessionId: string): readonly Enrollment[] => this.bySession.get(sessionId) ?? [];
  get = async (id: string) => copy(this.rows.get(id));
  lock = this.get;
  async lockOf(sessionId: string, statisticianIds: readonly string[]) {
    const ids = new Set(statisticianIds);
    return this.ofSession(sessionId)
      .filter((e) => ids.has(e.statisticianId))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((e) => ({ ...e }));
  }
  async insert(enrollment: NewEnrollment) {
    const row = this.blank({ ...enrollment, status: "ENROLLED", version: 1, enrolledAt: this.now });
    this.rows.set(row.id, row);
    const list = this.bySession.get(row.sessionId);
    if (list) list.push(row);
    else this.bySession.set(row.sessionId, [row]);
    return { ...row };
  }
  async update(id: string, patch: EnrollmentPatch) {
    const row = this.rows.get(id)!;
    Object.assign(row, patch, { version: row.version + 1, updatedAt: this.now });
    return { ...row };
  }
}

class StagedCertificates implements CertificateStore {
  readonly rows: Certificate[] = [];
  /** The last number of each (organizer, year) this chunk used, from the stored counter on. */
  readonly counters = new Map<string, { organizerUnitId: string; year: number; lastSeq: number }>();
  constructor(
    private readonly manager: EntityManager,
    private readonly now: Date,
  ) {}
  async ofEnrollments(enrollmentIds: readonly string[]) {
    const ids = new Set(enrollmentIds);
    return this.rows.filter((c) => ids.has(c.enrollmentId)).map((c) => ({ ...c }));
  }
  async nextSeq(organizerUnitId: string, year: number) {
    const key = `${organizerUnitId}|${year}`;
    let counter = this.counters.get(key);
    if (!counter) {
      const [row] = (await this.manager.query(
        `SELECT last_seq FROM certificate_counter WHERE organizer_unit_id = $1 AND year = $2`,
        [organizerUnitId, year],
      )) as { last_seq: number }[];
      counter = { organizerUnitId, year, lastSeq: row?.last_seq ?? 0 };
      this.counters.set(key, counter);
    }
    return ++counter.lastSeq;
  }
  async insert(certificate: NewCertificate) {
    const row = { ...certificate, issuedAt: this.now } as Certificate;
    this.rows.push(row);
    return { ...row };
  }
}

/** Personnel's projection as the database holds it, read once for the chunk's participants. */
class StagedStatisticians implements StatisticianStore {
  constructor(
    private readonly postsOf: Map<string, Post[]>,
    private readonly names: Map<string, string>,
  ) {}
  async named(ids: readonly string[]) {
    return ids.flatMap((id) => (this.names.has(id) ? [{ id, name: this.names.get(id)! }] : []));
  }
  async posts(statisticianIds: readonly string[]) {
    return statisticianIds.flatMap((id) => (this.postsOf.get(id) ?? []).map((p) => ({ ...p })));
  }
  apply = unused("statisticians.apply");
  applyAssignment = unused("statisticians.applyAssignment");
}

/** The organizers, read through the SQL store once each. */
class CachedUnits implements OrgUnitStore {
  private readonly cache = new Map<string, OrgUnitRef | undefined>();
  constructor(private readonly inner: TypeOrmOrgUnitStore) {}
  async get(id: string) {
    if (!this.cache.has(id)) this.cache.set(id, await this.inner.get(id));
    return copy(this.cache.get(id));
  }
  apply = unused("units.apply");
  applyMany = unused("units.applyMany");
}

export interface StagedChunk {
  tx: Transaction;
  sessions: StagedSessions;
  enrollments: StagedEnrollments;
  certificates: StagedCertificates;
  events: OutboxEvent[];
}

export async function stageChunk(
  manager: EntityManager,
  participants: readonly string[],
): Promise<StagedChunk> {
  const now = new Date();
  const people = new TypeOrmStatisticianStore(manager);
  const ids = [...new Set(participants)];
  const postsOf = new Map<string, Post[]>();
  for (const post of await people.posts(ids)) {
    const list = postsOf.get(post.statisticianId);
    if (list) list.push(post);
    else postsOf.set(post.statisticianId, [post]);
  }
  const names = new Map((await people.named(ids)).map((p) => [p.id, p.name]));
  const events: OutboxEvent[] = [];
  const enrollments = new StagedEnrollments(blankRow(manager, EnrollmentEntity, now), now);
  const sessions = new StagedSessions(blankRow(manager, TrainingSessionEntity, now), now, enrollments);
  const certificates = new StagedCertificates(manager, now);
  const tx: Transaction = {
    sessions,
    enrollments,
    certificates,
    units: new CachedUnits(new TypeOrmOrgUnitStore(manager)),
    statisticians: new StagedStatisticians(postsOf, names),
    idempotency: {
      claim: unused("idempotency"),
      complete: unused("idempotency"),
      used: unused("idempotency"),
    },
    coverage: {
      bannersFor: unused("coverage"),
      cityObligationSessions: unused("coverage"),
      bannerCounts: unused("coverage"),
    },
    ruleStatus: {
      publishIfChanged: unused("ruleStatus"),
      publishAllIfChanged: unused("ruleStatus"),
      republish: unused("ruleStatus"),
    },
    ruleSubjects: { cities: unused("ruleSubjects"), firstCompletedYear: unused("ruleSubjects") },
    async publish<C extends EventContract>(contract: C, data: EventData<C>) {
      events.push({ contract, data } as OutboxEvent);
    },
  };
  return { tx, sessions, enrollments, certificates, events };
}
