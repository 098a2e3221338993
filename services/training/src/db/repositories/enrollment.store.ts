import type { EntityManager } from "typeorm";
import type { EnrollmentStore } from "../../domain/ports";
import type { Enrollment, EnrollmentPatch, NewEnrollment } from "../../domain/training";
import { EnrollmentEntity } from "../entities/enrollment.entity";

/** Enrolment writes inside one transaction. Every write bumps the version. */
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
