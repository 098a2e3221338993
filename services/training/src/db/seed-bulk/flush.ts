import { publishEvents } from "@grassroots/events";
import { insertRows } from "@grassroots/kit";
import type { EntityManager } from "typeorm";
import { CertificateEntity } from "../entities/certificate.entity";
import { EnrollmentEntity } from "../entities/enrollment.entity";
import { TrainingSessionEntity } from "../entities/session.entity";
import type { StagedChunk } from "./staged-transaction";

/**
 * Writes a staged chunk in its transaction: sessions, enrolments with their results, certificates, the
 * organizers' certificate counters where this chunk left them, and every event in the order the
 * commands published it (publishEvents: one INSERT per 5,000 outbox rows).
 */
export async function flushChunk(manager: EntityManager, chunk: StagedChunk): Promise<void> {
  await insertRows(manager, TrainingSessionEntity, [...chunk.sessions.rows.values()]);
  await insertRows(manager, EnrollmentEntity, [...chunk.enrollments.rows.values()]);
  await insertRows(manager, CertificateEntity, chunk.certificates.rows);
  const counters = [...chunk.certificates.counters.values()];
  if (counters.length > 0)
    await manager.query(
      `INSERT INTO certificate_counter (organizer_unit_id, year, last_seq)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[])
       ON CONFLICT (organizer_unit_id, year) DO UPDATE SET last_seq = EXCLUDED.last_seq`,
      [counters.map((c) => c.organizerUnitId), counters.map((c) => c.year), counters.map((c) => c.lastSeq)],
    );
  await publishEvents(manager, chunk.events);
}
