import { publishEvents } from "@grassroots/events";
import { IdempotencyKeyEntity } from "@grassroots/kit";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { PostAssignmentEntity } from "../entities/assignment.entity";
import { PrePostCertificateEntity } from "../entities/certificate.entity";
import { FilingEntity, FilingStepEntity } from "../entities/filing.entity";
import { StaffingStatusEntity } from "../entities/staffing.entity";
import { StatisticianEntity } from "../entities/statistician.entity";
import { personalDataCipher } from "../personal-data";
import { StatisticianRows } from "../repositories/statistician.rows";
import type { StagedChunk } from "./staged-transaction";

/** Rows per statement: a few MB of JSON, whatever the size of the chunk. */
const ROWS_PER_STATEMENT = 5000;

/** A value as jsonb_populate_recordset reads it into its column's type. */
const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * Inserts entity objects with one INSERT … SELECT FROM jsonb_populate_recordset per ROWS_PER_STATEMENT
 * rows: the entity's mapped columns (generated ones left to the database), converted by the column
 * types as the database's own input functions do. `conflict` is appended as it is (an upsert).
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
  conflict = "",
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
       SELECT ${names} FROM jsonb_populate_recordset(NULL::"${meta.tableName}", $1::jsonb) ${conflict}`,
      [JSON.stringify(json)],
    );
  }
}

/**
 * Writes a staged chunk in its transaction: the people (ID number and phone sealed as the statistician
 * store seals them), posts, filings and their steps, certificates, the staffing compliance and rule
 * results that changed, the request ids the commands claimed, and every event in the order the commands
 * published it (publishEvents: one INSERT per 5,000 outbox rows).
 */
export async function flushChunk(manager: EntityManager, chunk: StagedChunk): Promise<void> {
  const sealer = new StatisticianRows(personalDataCipher(manager));
  const people = [...chunk.statisticians.rows.values()].map(({ idNumber, phone, ...rest }) => ({
    ...rest,
    ...sealer.sealIdNumber(rest.id, idNumber),
    phoneCipher: sealer.sealPhone(rest.id, phone),
  }));
  await insertRows(manager, StatisticianEntity, people);
  // Posts name their certificate (a foreign key): certificates first.
  await insertRows(manager, PrePostCertificateEntity, [...chunk.certificates.rows.values()]);
  await insertRows(manager, PostAssignmentEntity, [...chunk.assignments.rows.values()]);
  await insertRows(manager, FilingEntity, [...chunk.filings.rows.values()]);
  await insertRows(manager, FilingStepEntity, chunk.filings.steps);
  await insertRows(
    manager,
    StaffingStatusEntity,
    [...chunk.staffing.changed.values()],
    `ON CONFLICT (org_unit_id) DO UPDATE SET compliant = EXCLUDED.compliant, gaps = EXCLUDED.gaps, changed_at = EXCLUDED.changed_at`,
  );
  const keys = [...chunk.idempotency.rows.values()].map((k) => ({ ...k, createdAt: new Date() }));
  await insertRows(manager, IdempotencyKeyEntity, keys);
  const ledger = [...chunk.ledger.changed.values()];
  for (let start = 0; start < ledger.length; start += ROWS_PER_STATEMENT) {
    await manager.query(
      `INSERT INTO rule_status_published AS p
         (rule, subject_unit_id, subject_unit_path, period, status, figures, reason, as_of, published_at)
       SELECT r.rule, r."subjectUnitId", r."subjectUnitPath", r.period, r.status, r.figures, r.reason, r."asOf", now()
         FROM jsonb_to_recordset($1::jsonb) AS r(rule text, "subjectUnitId" uuid, "subjectUnitPath" text,
              period text, status text, figures jsonb, reason text, "asOf" timestamptz)
       ON CONFLICT (rule, subject_unit_id, period) DO UPDATE SET
         subject_unit_path = EXCLUDED.subject_unit_path, status = EXCLUDED.status, figures = EXCLUDED.figures,
         reason = EXCLUDED.reason, as_of = EXCLUDED.as_of, published_at = now()`,
      [JSON.stringify(ledger.slice(start, start + ROWS_PER_STATEMENT))],
    );
  }
  await publishEvents(manager, chunk.events);
}
