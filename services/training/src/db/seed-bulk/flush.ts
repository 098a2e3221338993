import { publishEvents } from "@grassroots/events";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { CertificateEntity } from "../entities/certificate.entity";
import { EnrollmentEntity } from "../entities/enrollment.entity";
import { TrainingSessionEntity } from "../entities/session.entity";
import type { StagedChunk } from "./staged-transaction";

/** Rows per statement: a few MB of JSON, whatever the size of the chunk. */
const ROWS_PER_STATEMENT = 5000;

/** A value as jsonb_populate_recordset reads it into its column's type. */
const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * Inserts entity objects with one INSERT … SELECT FROM jsonb_populate_recordset per ROWS_PER_STATEMENT
 * rows, the entity's mapped columns converted by the database's own input functions (personnel's bulk
 * seed has the same writer: a candidate for packages/kit once both have settled).
 */
async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const meta = manager.connection.getMetadata(entity);
  const columns = meta.columns.filter((c) => !c.isGenerated);
  const names = columns.map((c) => `"${c.databaseName}"`).join(", ");
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const json = rows
      .slice(start, start + ROWS_PER_STATEMENT)
      .map((row) =>
        Object.fromEntries(columns.map((c) => [c.databaseName, jsonValue(c.getEntityValue(row))])),
      );
    await manager.query(
      `INSERT INTO "${meta.tableName}" (${names})
       SELECT ${names} FROM jsonb_populate_recordset(NULL::"${meta.tableName}", $1::jsonb)`,
      [JSON.stringify(json)],
    );
  }
}

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
