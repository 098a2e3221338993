import type { EntityManager } from "typeorm";
import type { CertificateStore, EnrollmentStore, SessionStore } from "../../domain/ports";
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
import { CertificateEntity, EnrollmentEntity, TrainingSessionEntity } from "../entities/training.entity";

/** Session writes inside one transaction (the manager belongs to it). Every write bumps the version. */
export class TypeOrmSessionStore implements SessionStore {
  constructor(private readonly manager: EntityManager) {}

  async lock(id: string): Promise<TrainingSession | undefined> {
    const found = await this.manager
      .createQueryBuilder(TrainingSessionEntity, "s")
      .where("s.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    return found ?? undefined;
  }

  async insert(session: NewSession): Promise<TrainingSession> {
    await this.manager.insert(TrainingSessionEntity, { ...session, status: "PLANNED", version: 1 });
    return (await this.manager.findOneBy(TrainingSessionEntity, { id: session.id }))!;
  }

  async update(id: string, patch: SessionPatch): Promise<TrainingSession> {
    await this.manager
      .createQueryBuilder()
      .update(TrainingSessionEntity)
      .set({ ...patch, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return (await this.manager.findOneBy(TrainingSessionEntity, { id }))!;
  }

  async countEnrolled(sessionId: string): Promise<number> {
    return this.manager.countBy(EnrollmentEntity, { sessionId, status: "ENROLLED" });
  }
}

export class TypeOrmEnrollmentStore implements EnrollmentStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<Enrollment | undefined> {
    return (await this.manager.findOneBy(EnrollmentEntity, { id })) ?? undefined;
  }

  async lock(id: string): Promise<Enrollment | undefined> {
    const found = await this.manager
      .createQueryBuilder(EnrollmentEntity, "e")
      .where("e.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    return found ?? undefined;
  }

  lockOf(sessionId: string, statisticianIds: readonly string[]): Promise<Enrollment[]> {
    if (statisticianIds.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(EnrollmentEntity, "e")
      .where("e.session_id = :sessionId AND e.statistician_id IN (:...ids)", {
        sessionId,
        ids: statisticianIds,
      })
      .orderBy("e.id")
      .setLock("pessimistic_write")
      .getMany();
  }

  async insert(enrollment: NewEnrollment): Promise<Enrollment> {
    await this.manager.insert(EnrollmentEntity, { ...enrollment, status: "ENROLLED", version: 1 });
    return (await this.get(enrollment.id))!;
  }

  async update(id: string, patch: EnrollmentPatch): Promise<Enrollment> {
    await this.manager
      .createQueryBuilder()
      .update(EnrollmentEntity)
      .set({ ...patch, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return (await this.get(id))!;
  }
}

export class TypeOrmCertificateStore implements CertificateStore {
  constructor(private readonly manager: EntityManager) {}

  ofEnrollments(enrollmentIds: readonly string[]): Promise<Certificate[]> {
    if (enrollmentIds.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(CertificateEntity, "c")
      .where("c.enrollment_id IN (:...ids)", { ids: enrollmentIds })
      .getMany();
  }

  /**
   * The counter row of (organizer, year) is created or incremented in one statement; the row lock it
   * takes lasts until the transaction ends, so concurrent issuers of one organizer and year queue here
   * and every number is used once.
   */
  async nextSeq(organizerUnitId: string, year: number): Promise<number> {
    const [row]: { last_seq: number }[] = await this.manager.query(
      `INSERT INTO certificate_counter (organizer_unit_id, year, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (organizer_unit_id, year) DO UPDATE SET last_seq = certificate_counter.last_seq + 1
       RETURNING last_seq`,
      [organizerUnitId, year],
    );
    return row.last_seq;
  }

  async insert(certificate: NewCertificate): Promise<Certificate> {
    await this.manager.insert(CertificateEntity, certificate);
    return (await this.manager.findOneBy(CertificateEntity, { id: certificate.id }))!;
  }
}
