import type { EntityManager } from "typeorm";
import type { IdempotencyKey, IdempotencyStore } from "../../domain/ports";
import { IdempotencyKeyEntity } from "../entities/idempotency.entity";

/** Client request ids, inside the transaction of the request's changes. */
export class TypeOrmIdempotencyStore implements IdempotencyStore {
  constructor(private readonly manager: EntityManager) {}

  async claim(key: IdempotencyKey): Promise<(IdempotencyKey & { resultId: string | null }) | undefined> {
    // A concurrent first attempt holds the row lock: this INSERT waits for it to commit or roll back.
    const inserted = await this.manager
      .createQueryBuilder()
      .insert()
      .into(IdempotencyKeyEntity)
      .values({ ...key })
      .orIgnore()
      .returning("request_id")
      .execute();
    if ((inserted.raw as unknown[]).length > 0) return undefined;
    const first = await this.manager.findOneBy(IdempotencyKeyEntity, { requestId: key.requestId });
    if (!first) return undefined;
    const { requestId, operation, actorId, fingerprint, resultId } = first;
    return { requestId, operation, actorId, fingerprint, resultId };
  }

  async used(requestIds: readonly string[]): Promise<Set<string>> {
    if (requestIds.length === 0) return new Set();
    const rows = await this.manager
      .createQueryBuilder(IdempotencyKeyEntity, "k")
      .select("k.request_id", "id")
      .where("k.request_id = ANY(:ids)", { ids: [...requestIds] })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  async complete(requestId: string, resultId: string): Promise<void> {
    await this.manager.update(IdempotencyKeyEntity, { requestId }, { resultId });
  }
}
