import type { EntityManager } from "typeorm";
import type { Filing, FilingStep, NewFiling } from "../../domain/filing";
import type { FilingPatch, FilingStore } from "../../domain/ports";
import { FilingEntity, FilingStepEntity } from "../entities/filing.entity";

/** Filing writes inside one transaction (the manager belongs to it). */
export class TypeOrmFilingStore implements FilingStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<Filing | undefined> {
    return (await this.manager.findOneBy(FilingEntity, { id })) ?? undefined;
  }

  async lock(id: string): Promise<Filing | undefined> {
    return (
      (await this.manager
        .createQueryBuilder(FilingEntity, "f")
        .where("f.id = :id", { id })
        .setLock("pessimistic_write")
        .getOne()) ?? undefined
    );
  }

  async insert(f: NewFiling): Promise<Filing> {
    await this.manager.insert(FilingEntity, { ...f, version: 1 });
    return (await this.get(f.id))!;
  }

  /** Every step bumps the version (optimistic locking); a filing has no updated_at: its steps say when. */
  async update(id: string, patch: FilingPatch): Promise<Filing> {
    await this.manager
      .createQueryBuilder()
      .update(FilingEntity)
      .set({ ...patch, version: () => "version + 1" })
      .where("id = :id", { id })
      .execute();
    return (await this.get(id))!;
  }

  async addStep(step: FilingStep): Promise<void> {
    await this.manager.insert(FilingStepEntity, step);
  }
}
