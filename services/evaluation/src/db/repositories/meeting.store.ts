import type { EntityManager } from "typeorm";
import type { NewMeeting, NewProblem, Problem, ProblemPatch, WorkMeeting } from "../../domain/meeting";
import type { MeetingStore } from "../../domain/ports";
import type { MeetingYearCounts } from "../../rules/r11-meeting-problems";
import { MeetingProblemEntity, WorkMeetingEntity } from "../entities/meeting.entity";
import { byClientId } from "./client-ids";

/** R11 meetings and their problems inside a transaction. */
export class TypeOrmMeetingStore implements MeetingStore {
  constructor(private readonly manager: EntityManager) {}

  async insert(meeting: NewMeeting): Promise<WorkMeeting> {
    await this.manager.insert(WorkMeetingEntity, meeting);
    return this.manager.findOneByOrFail(WorkMeetingEntity, { id: meeting.id });
  }

  async get(id: string): Promise<WorkMeeting | undefined> {
    return byClientId(id, async () => (await this.manager.findOneBy(WorkMeetingEntity, { id })) ?? undefined);
  }

  async insertProblem(problem: NewProblem): Promise<Problem> {
    await this.manager.insert(MeetingProblemEntity, { ...problem, status: "OPEN" });
    return this.manager.findOneByOrFail(MeetingProblemEntity, { id: problem.id });
  }

  async lockProblem(id: string): Promise<Problem | undefined> {
    return byClientId(
      id,
      async () =>
        (await this.manager
          .createQueryBuilder(MeetingProblemEntity, "p")
          .where("p.id = :id", { id })
          .setLock("pessimistic_write")
          .getOne()) ?? undefined,
    );
  }

  async updateProblem(id: string, patch: ProblemPatch): Promise<Problem> {
    await this.manager
      .createQueryBuilder()
      .update(MeetingProblemEntity)
      .set({ ...patch, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return this.manager.findOneByOrFail(MeetingProblemEntity, { id });
  }

  async yearCounts(holderUnitId: string, year: number, today: string): Promise<MeetingYearCounts> {
    const [row] = await this.manager.query(
      `SELECT
         (SELECT count(*)::int FROM work_meeting m WHERE m.holder_unit_id = $1
             AND extract(year FROM m.meeting_date) = $2 AND m.studied_grassroots_statistics) AS "meetingsStudied",
         count(p.id) FILTER (WHERE p.status <> 'CARRIED_OVER')::int AS "problemsRaised",
         count(p.id) FILTER (WHERE p.status = 'RESOLVED')::int AS resolved,
         count(p.id) FILTER (WHERE p.status IN ('OPEN', 'IN_PROGRESS') AND p.due_date < $3::date)::int AS overdue
       FROM work_meeting m JOIN meeting_problem p ON p.meeting_id = m.id
      WHERE m.holder_unit_id = $1 AND extract(year FROM m.meeting_date) = $2`,
      [holderUnitId, year, today],
    );
    return row;
  }

  lockNewlyOverdue(today: string, limit: number): Promise<Problem[]> {
    return this.manager
      .createQueryBuilder(MeetingProblemEntity, "p")
      .where("p.status IN ('OPEN', 'IN_PROGRESS') AND p.due_date < :today AND p.overdue_at IS NULL", {
        today,
      })
      .orderBy("p.due_date")
      .limit(limit)
      .setLock("pessimistic_write")
      .setOnLocked("skip_locked")
      .getMany();
  }
}
