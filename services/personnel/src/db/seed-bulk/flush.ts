import { publishEvents } from "@grassroots/events";
import { BULK_ROWS_PER_STATEMENT, IdempotencyKeyEntity, insertRows } from "@grassroots/kit";
import type { EntityManager } from "typeorm";
import { PostAssignmentEntity } from "../entities/assignment.entity";
import { PrePostCertificateEntity } from "../entities/certificate.entity";
import { FilingEntity, FilingStepEntity } from "../entities/filing.entity";
import { StaffingStatusEntity } from "../entities/staffing.entity";
import { StatisticianEntity } from "../entities/statistician.entity";
import { personalDataCipher } from "../personal-data";
import { StatisticianRows } from "../repositories/statistician.rows";
import type { StagedChunk } from "./staged-transaction";

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
  for (let start = 0; start < ledger.length; start += BULK_ROWS_PER_STATEMENT) {
    await manager.query(
      `INSERT INTO rule_status_published AS p
         (rule, subject_unit_id, subject_unit_path, period, status, figures, reason, as_of, published_at)
       SELECT r.rule, r."subjectUnitId", r."subjectUnitPath", r.period, r.status, r.figures, r.reason, r."asOf", now()
         FROM jsonb_to_recordset($1::jsonb) AS r(rule text, "subjectUnitId" uuid, "subjectUnitPath" text,
              period text, status text, figures jsonb, reason text, "asOf" timestamptz)
       ON CONFLICT (rule, subject_unit_id, period) DO UPDATE SET
         subject_unit_path = EXCLUDED.subject_unit_path, status = EXCLUDED.status, figures = EXCLUDED.figures,
         reason = EXCLUDED.reason, as_of = EXCLUDED.as_of, published_at = now()`,
      [JSON.stringify(ledger.slice(start, start + BULK_ROWS_PER_STATEMENT))],
    );
  }
  await publishEvents(manager, chunk.events);
}
