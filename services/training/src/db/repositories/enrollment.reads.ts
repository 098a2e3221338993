import type { DataSource } from "typeorm";
import type { EnrollmentReads, InView, Scope } from "../../domain/ports";
import type { Enrollment } from "../../domain/training";
import { EnrollmentEntity } from "../entities/enrollment.entity";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import { TrainingSessionEntity } from "../entities/session.entity";
import { homeScope, participantInView } from "./scope.sql";

/** Enrolments outside transactions, latest session first. */
export class SqlEnrollmentReads implements EnrollmentReads {
  constructor(private readonly dataSource: DataSource) {}

  private enrollments() {
    return this.dataSource.manager
      .createQueryBuilder(EnrollmentEntity, "e")
      .innerJoin(TrainingSessionEntity, "s", "s.id = e.session_id")
      .innerJoin(OrgUnitProjectionEntity, "o", "o.id = s.organizer_unit_id");
  }

  private ordered(qb: ReturnType<SqlEnrollmentReads["enrollments"]>): Promise<Enrollment[]> {
    return qb.orderBy("s.start_date", "DESC").addOrderBy("e.enrolled_at").addOrderBy("e.id").getMany();
  }

  /** Enrolments in these sessions the caller sees: all for the organizer's side, their own people's otherwise. */
  ofSessions(sessionIds: readonly string[], scope: Scope): Promise<Enrollment[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.ordered(
      this.enrollments()
        .where("e.session_id IN (:...ids)", { ids: sessionIds })
        .andWhere(participantInView("o", "e.statistician_id", ":scope::text"), { scope }),
    );
  }

  /** A person's records: reached through a Statistician whose area was checked first. */
  ofStatisticians(statisticianIds: readonly string[]): Promise<Enrollment[]> {
    if (statisticianIds.length === 0) return Promise.resolve([]);
    return this.ordered(this.enrollments().where("e.statistician_id IN (:...ids)", { ids: statisticianIds }));
  }

  /** One statement: the enrolments, and whether each is in the caller's view (the organizer's side, or the person's area). */
  async referenced(ids: readonly string[], homeUnitId: string): Promise<InView<Enrollment>[]> {
    if (ids.length === 0) return [];
    const { entities, raw } = await this.dataSource.manager
      .createQueryBuilder(EnrollmentEntity, "e")
      .innerJoin(TrainingSessionEntity, "s", "s.id = e.session_id")
      .leftJoin(OrgUnitProjectionEntity, "o", "o.id = s.organizer_unit_id")
      .addSelect(
        `COALESCE(${participantInView("o", "e.statistician_id", homeScope(":home"))}, false)`,
        "in_area",
      )
      .where("e.id IN (:...ids)", { ids })
      .setParameter("home", homeUnitId)
      .getRawAndEntities<{ e_id: string; in_area: boolean }>();
    const inArea = new Set(raw.filter((r) => r.in_area).map((r) => r.e_id));
    return entities.map((entity) => ({ entity, inYourArea: inArea.has(entity.id) }));
  }
}
