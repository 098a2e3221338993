import type { EntityManager } from "typeorm";
import type {
  Commendation,
  CommendationKind,
  CommendationPatch,
  CommendationQuota,
  NewCommendation,
} from "../../domain/commendation";
import type { CommendationStore } from "../../domain/ports";
import { CommendationEntity, CommendationQuotaEntity } from "../entities/commendation.entity";
import { byClientId } from "./client-ids";

/** Quotas and commendations inside a transaction. */
export class TypeOrmCommendationStore implements CommendationStore {
  constructor(private readonly manager: EntityManager) {}

  async quota(
    year: number,
    bannerUnitId: string,
    kind: CommendationKind,
  ): Promise<CommendationQuota | undefined> {
    return byClientId(
      bannerUnitId,
      async () =>
        (await this.manager.findOneBy(CommendationQuotaEntity, { year, bannerUnitId, kind })) ?? undefined,
    );
  }

  async putQuota(
    q: Omit<CommendationQuota, "version">,
    actor: { id: string; name: string },
  ): Promise<CommendationQuota> {
    await this.manager.query(
      `INSERT INTO commendation_quota AS q (year, banner_unit_id, kind, max_count, max_share, set_by, set_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (year, banner_unit_id, kind) DO UPDATE SET max_count = EXCLUDED.max_count, max_share = EXCLUDED.max_share,
         set_by = EXCLUDED.set_by, set_by_name = EXCLUDED.set_by_name, version = q.version + 1, updated_at = now()`,
      [q.year, q.bannerUnitId, q.kind, q.maxCount, q.maxShare, actor.id, actor.name],
    );
    return (await this.quota(q.year, q.bannerUnitId, q.kind))!;
  }

  async lockQuota(
    year: number,
    bannerUnitId: string,
    kind: CommendationKind,
  ): Promise<CommendationQuota | undefined> {
    return byClientId(
      bannerUnitId,
      async () =>
        (await this.manager
          .createQueryBuilder(CommendationQuotaEntity, "q")
          .where("q.year = :year AND q.banner_unit_id = :bannerUnitId AND q.kind = :kind", {
            year,
            bannerUnitId,
            kind,
          })
          .setLock("pessimistic_write")
          .getOne()) ?? undefined,
    );
  }

  async countNominated(year: number, bannerUnitId: string, kind: CommendationKind): Promise<number> {
    return this.manager
      .createQueryBuilder(CommendationEntity, "c")
      .where(
        "c.year = :year AND c.banner_unit_id = :bannerUnitId AND c.kind = :kind AND c.status <> 'REJECTED'",
        { year, bannerUnitId, kind },
      )
      .getCount();
  }

  async existing(
    year: number,
    kind: CommendationKind,
    nomineeKey: string,
  ): Promise<Commendation | undefined> {
    return (
      (await this.manager
        .createQueryBuilder(CommendationEntity, "c")
        .where("c.year = :year AND c.kind = :kind AND c.status <> 'REJECTED'", { year, kind })
        .andWhere("coalesce(c.statistician_id, c.nominee_unit_id) = :nomineeKey", { nomineeKey })
        .getOne()) ?? undefined
    );
  }

  async insert(c: NewCommendation): Promise<Commendation> {
    await this.manager.insert(CommendationEntity, { ...c, status: "RECOMMENDED" });
    return this.manager.findOneByOrFail(CommendationEntity, { id: c.id });
  }

  async lock(id: string): Promise<Commendation | undefined> {
    return byClientId(
      id,
      async () =>
        (await this.manager
          .createQueryBuilder(CommendationEntity, "c")
          .where("c.id = :id", { id })
          .setLock("pessimistic_write")
          .getOne()) ?? undefined,
    );
  }

  async update(id: string, patch: CommendationPatch): Promise<Commendation> {
    await this.manager
      .createQueryBuilder()
      .update(CommendationEntity)
      .set({ ...patch, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return this.manager.findOneByOrFail(CommendationEntity, { id });
  }

  lockApproved(year: number, path: string): Promise<Commendation[]> {
    return this.manager
      .createQueryBuilder(CommendationEntity, "c")
      .innerJoin("org_unit", "b", "b.id = c.banner_unit_id")
      .where("c.year = :year AND c.status = 'APPROVED' AND b.path LIKE :path || '%'", { year, path })
      .orderBy("c.id")
      .setLock("pessimistic_write", undefined, ["c"])
      .getMany();
  }
}
