import type { EntityManager } from "typeorm";
import type { CertificateStore } from "../../domain/ports";
import type { Certificate, NewCertificate } from "../../domain/training";
import { CertificateEntity } from "../entities/certificate.entity";

/** Certificates and their numbers, inside one transaction. */
export class TypeOrmCertificateStore implements CertificateStore {
  constructor(private readonly manager: EntityManager) {}

  ofEnrollments(enrollmentIds: readonly string[]): Promise<Certificate[]> {
    if (enrollmentIds.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(CertificateEntity, "c")
      .where("c.enrollment_id IN (:...ids)", { ids: enrollmentIds })
      .getMany();
  }

  /**
   * The counter row of (organizer, year) is created or incremented in one statement; the row lock it
   * takes lasts until the transaction ends, so concurrent issuers of one organizer and year queue here
   * and every number is used once.
   */
  async nextSeq(organizerUnitId: string, year: number): Promise<number> {
    const [row]: { last_seq: number }[] = await this.manager.query(
      `INSERT INTO certificate_counter (organizer_unit_id, year, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (organizer_unit_id, year) DO UPDATE SET last_seq = certificate_counter.last_seq + 1
       RETURNING last_seq`,
      [organizerUnitId, year],
    );
    return row.last_seq;
  }

  async insert(certificate: NewCertificate): Promise<Certificate> {
    await this.manager.insert(CertificateEntity, certificate);
    return (await this.manager.findOneBy(CertificateEntity, { id: certificate.id }))!;
  }
}
