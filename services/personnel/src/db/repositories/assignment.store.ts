import type { EntityManager } from "typeorm";
import type { AssignmentPatch, NewAssignment, PostAssignment } from "../../domain/assignment";
import type { AssignmentStore } from "../../domain/ports";
import type { StaffCounts } from "../../rules/staffing-requirement";
import { PostAssignmentEntity } from "../entities/assignment.entity";
import { definedOnly } from "./entity-columns";
import { countsOf, STAFF_COUNT_COLUMNS, STAFF_COUNTS_LATERAL } from "./staff-counts.sql";

/** Post writes inside one transaction (the manager belongs to it). */
export class TypeOrmAssignmentStore implements AssignmentStore {
  constructor(private readonly manager: EntityManager) {}

  private get qb() {
    return this.manager.createQueryBuilder(PostAssignmentEntity, "a");
  }

  async get(id: string): Promise<PostAssignment | undefined> {
    return (await this.manager.findOneBy(PostAssignmentEntity, { id })) ?? undefined;
  }

  async lock(id: string): Promise<PostAssignment | undefined> {
    return (await this.qb.where("a.id = :id", { id }).setLock("pessimistic_write").getOne()) ?? undefined;
  }

  async insert(a: NewAssignment): Promise<PostAssignment> {
    await this.manager.insert(PostAssignmentEntity, {
      ...a,
      activatedAt: a.status === "ACTIVE" ? () => "now()" : null,
      version: 1,
    });
    return (await this.get(a.id))!;
  }

  /** Every write bumps the version (optimistic locking) and updated_at. */
  async update(id: string, patch: AssignmentPatch): Promise<PostAssignment> {
    await this.manager
      .createQueryBuilder()
      .update(PostAssignmentEntity)
      .set({ ...definedOnly(patch), version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return (await this.get(id))!;
  }

  overlapping(
    statisticianId: string,
    orgUnitId: string,
    start: string,
    end: string | null,
  ): Promise<PostAssignment[]> {
    return this.qb
      .where("a.statistician_id = :statisticianId AND a.org_unit_id = :orgUnitId", {
        statisticianId,
        orgUnitId,
      })
      .andWhere(
        "daterange(a.start_date, a.end_date, '[]') && daterange(CAST(:start AS date), CAST(:end AS date), '[]')",
        {
          start,
          end,
        },
      )
      .orderBy("a.start_date")
      .getMany();
  }

  ofPeople(statisticianIds: readonly string[]): Promise<PostAssignment[]> {
    if (statisticianIds.length === 0) return Promise.resolve([]);
    return this.qb
      .where("a.statistician_id = ANY(:ids)", { ids: [...statisticianIds] })
      .orderBy("a.start_date")
      .getMany();
  }

  lockPending(statisticianId: string): Promise<PostAssignment[]> {
    return this.qb
      .where("a.statistician_id = :statisticianId AND a.status = 'PENDING_TRAINING'", { statisticianId })
      .orderBy("a.start_date")
      .addOrderBy("a.id")
      .setLock("pessimistic_write")
      .getMany();
  }

  async counts(orgUnitIds: readonly string[]): Promise<Map<string, StaffCounts>> {
    if (orgUnitIds.length === 0) return new Map();
    const rows = await this.manager.query(
      `SELECT u.id, ${STAFF_COUNT_COLUMNS} FROM org_unit u ${STAFF_COUNTS_LATERAL} WHERE u.id = ANY($1)`,
      [[...orgUnitIds]],
    );
    return new Map(rows.map((r: Record<string, number> & { id: string }) => [r.id, countsOf(r)]));
  }
}
