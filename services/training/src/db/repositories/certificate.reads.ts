import type { DataSource } from "typeorm";
import type { CertificateReads, InView, Scope } from "../../domain/ports";
import type { Certificate } from "../../domain/training";
import { CertificateEntity } from "../entities/certificate.entity";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import { homeScope, participantInView } from "./scope.sql";

/** Certificates outside transactions, latest first. */
export class SqlCertificateReads implements CertificateReads {
  constructor(private readonly dataSource: DataSource) {}

  private certificates() {
    return this.dataSource.manager
      .createQueryBuilder(CertificateEntity, "c")
      .innerJoin(OrgUnitProjectionEntity, "o", "o.id = c.organizer_unit_id");
  }

  private ordered(qb: ReturnType<SqlCertificateReads["certificates"]>): Promise<Certificate[]> {
    return qb.orderBy("c.completed_on", "DESC").addOrderBy("c.number", "DESC").getMany();
  }

  ofEnrollments(enrollmentIds: readonly string[]): Promise<Certificate[]> {
    if (enrollmentIds.length === 0) return Promise.resolve([]);
    return this.ordered(this.certificates().where("c.enrollment_id IN (:...ids)", { ids: enrollmentIds }));
  }

  ofStatisticians(statisticianIds: readonly string[]): Promise<Certificate[]> {
    if (statisticianIds.length === 0) return Promise.resolve([]);
    return this.ordered(
      this.certificates().where("c.statistician_id IN (:...ids)", { ids: statisticianIds }),
    );
  }

  /** Certificates by number the caller sees whole: the organizer's side, or the holder's area. */
  byNumbers(numbers: readonly string[], scope: Scope): Promise<Certificate[]> {
    if (numbers.length === 0) return Promise.resolve([]);
    return this.ordered(
      this.certificates()
        .where("c.number IN (:...numbers)", { numbers })
        .andWhere(participantInView("o", "c.statistician_id", ":scope::text"), { scope }),
    );
  }

  /** One statement: the certificates, and whether each is in the caller's view. */
  async referenced(ids: readonly string[], homeUnitId: string): Promise<InView<Certificate>[]> {
    if (ids.length === 0) return [];
    const { entities, raw } = await this.dataSource.manager
      .createQueryBuilder(CertificateEntity, "c")
      .leftJoin(OrgUnitProjectionEntity, "o", "o.id = c.organizer_unit_id")
      .addSelect(
        `COALESCE(${participantInView("o", "c.statistician_id", homeScope(":home"))}, false)`,
        "in_area",
      )
      .where("c.id IN (:...ids)", { ids })
      .setParameter("home", homeUnitId)
      .getRawAndEntities<{ c_id: string; in_area: boolean }>();
    const inArea = new Set(raw.filter((r) => r.in_area).map((r) => r.c_id));
    return entities.map((entity) => ({ entity, inYourArea: inArea.has(entity.id) }));
  }
}
