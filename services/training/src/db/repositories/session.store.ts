import type { EntityManager } from "typeorm";
import type { SessionStore } from "../../domain/ports";
import type { NewSession, SessionPatch, TrainingSession } from "../../domain/training";
import { EnrollmentEntity } from "../entities/enrollment.entity";
import { TrainingSessionEntity } from "../entities/session.entity";

/** Session writes inside one transaction (the manager belongs to it). Every write bumps the version. */
export class TypeOrmSessionStore implements SessionStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<TrainingSession | undefined> {
    return (await this.manager.findOneBy(TrainingSessionEntity, { id })) ?? undefined;
  }

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
