import { Column, Entity, PrimaryColumn, type EntityManager, type QueryRunner } from "typeorm";
import type { IdempotencyKey, IdempotencyStore } from "../idempotency/idempotency";

/**
 * `idempotency_key`: a client requestId, the hash of its input and the id of what it produced. Add it
 * to the service's DataSource entities; create the table with `createClientRequestTable` in a migration.
 */
@Entity("idempotency_key")
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: "request_id", type: "text" }) requestId: string;
  @Column("text") operation: string;
  @Column({ name: "actor_id", type: "text" }) actorId: string;
  @Column("text") fingerprint: string;
  @Column({ name: "result_id", type: "uuid", nullable: true }) resultId: string | null;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}

/**
 * Creates the client request table (for a service's migration), the shape personnel has had from its
 * first migration. Rows are kept: a request id is never reused.
 */
export async function createClientRequestTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE idempotency_key (
      request_id   text PRIMARY KEY,
      operation    text NOT NULL,
      actor_id     text NOT NULL,
      fingerprint  text NOT NULL,
      result_id    uuid,
      created_at   timestamptz NOT NULL DEFAULT now()
    )`);
}

/** The down of `createClientRequestTable`. */
export async function dropClientRequestTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE idempotency_key`);
}

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
