import type { DataSource } from "typeorm";
import type { Problem, WorkMeeting } from "../../domain/meeting";
import type { MeetingReads, Scope } from "../../domain/ports";
import type { MeetingYearCounts } from "../../rules/r11-meeting-problems";
import { MeetingProblemEntity, WorkMeetingEntity } from "../entities/meeting.entity";
import { TypeOrmMeetingStore } from "./meeting.store";

/** A meeting is visible in its holder's area and below it (a township reads its banner's meetings). */
const HOLDER_VISIBLE = `EXISTS (SELECT 1 FROM org_unit o WHERE o.id = m.holder_unit_id
  AND (o.path LIKE :scope || '%' OR :scope LIKE o.path || '%'))`;

/**
 * A problem is visible to the holder's area (the bureau that raised it, and above), and below the
 * holder only to the area of the unit that answers for it: a township reading its banner's meeting
 * sees its own problems, never another township's (nor who answers for those).
 */
const PROBLEM_VISIBLE = `(EXISTS (SELECT 1 FROM work_meeting m JOIN org_unit h ON h.id = m.holder_unit_id
    WHERE m.id = p.meeting_id AND h.path LIKE :scope || '%')
  OR EXISTS (SELECT 1 FROM org_unit r WHERE r.id = p.responsible_unit_id AND r.path LIKE :scope || '%'))`;

/** R11 reads, one statement per batch. */
export class SqlMeetingReads implements MeetingReads {
  constructor(private readonly dataSource: DataSource) {}

  ofHolders(holderIds: readonly string[], year: number | undefined, scope: Scope): Promise<WorkMeeting[]> {
    if (holderIds.length === 0) return Promise.resolve([]);
    const query = this.dataSource.manager
      .createQueryBuilder(WorkMeetingEntity, "m")
      .where("m.holder_unit_id IN (:...holderIds)", { holderIds })
      .andWhere(HOLDER_VISIBLE, { scope })
      .orderBy("m.meeting_date", "DESC")
      .addOrderBy("m.id");
    if (year !== undefined) query.andWhere("extract(year FROM m.meeting_date) = :year", { year });
    return query.getMany();
  }

  problemsOf(meetingIds: readonly string[], scope: Scope): Promise<Problem[]> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(MeetingProblemEntity, "p")
      .where("p.meeting_id IN (:...meetingIds)", { meetingIds })
      .andWhere(PROBLEM_VISIBLE, { scope })
      .orderBy("p.due_date") // soonest due first
      .addOrderBy("p.id")
      .getMany();
  }

  yearCounts(holderUnitId: string, year: number, today: string): Promise<MeetingYearCounts> {
    return new TypeOrmMeetingStore(this.dataSource.manager).yearCounts(holderUnitId, year, today);
  }
}
