import type { EntityManager } from "typeorm";
import type { CertificateStore } from "../../domain/ports";
import type { PrePostCertificate } from "../../domain/statistician";
import { PrePostCertificateEntity } from "../entities/certificate.entity";

/** Training's pre-post certificates (R7) as personnel keeps them, inside one transaction. */
export class TypeOrmCertificateStore implements CertificateStore {
  constructor(private readonly manager: EntityManager) {}

  async record(c: PrePostCertificate, isSample: boolean): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(PrePostCertificateEntity)
      .values({
        certificateId: c.certificateId,
        certificateNumber: c.certificateNumber,
        statisticianId: c.statisticianId,
        sessionId: c.sessionId,
        completedOn: c.completedOn,
        isSample,
      })
      .orIgnore()
      .returning("certificate_id")
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async firstOf(statisticianId: string): Promise<PrePostCertificate | undefined> {
    return (
      (await this.manager
        .createQueryBuilder(PrePostCertificateEntity, "c")
        .where("c.statistician_id = :statisticianId", { statisticianId })
        .orderBy("c.completed_on")
        .addOrderBy("c.received_at")
        .limit(1)
        .getOne()) ?? undefined
    );
  }
}
