import type { EntityManager } from "typeorm";
import type { SchemeStore } from "../../domain/ports";
import type { AssessmentScheme } from "../../domain/scheme";
import { AssessmentEntity } from "../entities/assessment.entity";
import { AssessmentSchemeEntity } from "../entities/scheme.entity";
import { byClientId } from "./client-ids";

/** Scheme versions: inserted, never updated. */
export class TypeOrmSchemeStore implements SchemeStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<AssessmentScheme | undefined> {
    return byClientId(
      id,
      async () => (await this.manager.findOneBy(AssessmentSchemeEntity, { id })) ?? undefined,
    );
  }

  async lockLatest(schemeId: string): Promise<AssessmentScheme | undefined> {
    return byClientId(
      schemeId,
      async () =>
        (await this.manager
          .createQueryBuilder(AssessmentSchemeEntity, "s")
          .where("s.scheme_id = :schemeId", { schemeId })
          .orderBy("s.version", "DESC")
          .limit(1)
          .setLock("pessimistic_write")
          .getOne()) ?? undefined,
    );
  }

  async insert(scheme: Omit<AssessmentScheme, "createdAt">): Promise<AssessmentScheme> {
    await this.manager.insert(AssessmentSchemeEntity, scheme);
    return (await this.get(scheme.id))!;
  }

  async inUse(schemeVersionId: string): Promise<boolean> {
    return this.manager.exists(AssessmentEntity, { where: { schemeVersionId } });
  }
}
