import type { EntityManager } from "typeorm";
import type { PostStore } from "../../domain/ports";
import type { PostState } from "../../domain/posts";

/** Personnel's posts: a newer version only, so redelivered, resent or late events change nothing. */
export class TypeOrmPostStore implements PostStore {
  constructor(private readonly manager: EntityManager) {}

  async apply(post: PostState): Promise<void> {
    await this.manager.query(
      `INSERT INTO post_assignment (id, statistician_id, org_unit_id, role, status, start_date, end_date, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET statistician_id = excluded.statistician_id, org_unit_id = excluded.org_unit_id,
         role = excluded.role, status = excluded.status, start_date = excluded.start_date,
         end_date = excluded.end_date, version = excluded.version, projected_at = now()
       WHERE post_assignment.version < excluded.version`,
      [
        post.assignmentId,
        post.statisticianId,
        post.orgUnitId,
        post.role,
        post.status,
        post.startDate,
        post.endDate,
        post.version,
      ],
    );
  }
}
