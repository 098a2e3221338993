import type { DataSource } from "typeorm";
import { personalDataCipher } from "./personal-data";
import { idNumberContext, phoneContext } from "./repositories/statistician.rows";

export interface RotationReport {
  /** The key id every value is now encrypted under. */
  activeKeyId: string;
  /** Values (ID numbers and phones) re-encrypted under it. */
  values: number;
  rows: number;
  /** Rows changed by a write between this run's read and its update: left as written, read again. */
  raced: number;
  /** Rows still under another key after the last pass (only if writers keep using an old key). */
  remaining: number;
  seconds: number;
}

interface StoredRow {
  id: string;
  id_number_cipher: string;
  phone_cipher: string | null;
}

/**
 * Re-encrypts every ID number and phone not under the active key, while the service runs: small
 * batches, each one UPDATE (its own short transaction) that applies only where the stored values are
 * still those read (compare-and-set), so a concurrent change is never overwritten; those rows are read
 * again in the next pass. Neither the version nor updated_at changes (no business change: a client's
 * expectedVersion stays valid). Idempotent: a second run finds nothing to do.
 */
export async function rotatePersonalDataKey(
  dataSource: DataSource,
  options: { batchSize?: number; maxPasses?: number } = {},
): Promise<RotationReport> {
  const cipher = personalDataCipher(dataSource);
  const active = cipher.activeKeyId;
  const batchSize = options.batchSize ?? 200;
  const started = Date.now();
  const report = { activeKeyId: active, values: 0, rows: 0, raced: 0, remaining: 0, seconds: 0 };
  const reseal = (value: string, context: string) =>
    cipher.keyIdOf(value) === active ? value : cipher.encrypt(cipher.decrypt(value, context), context);
  const stale = `(split_part(id_number_cipher, ':', 2) <> $2 OR split_part(phone_cipher, ':', 2) <> $2)`;

  for (let pass = 0; pass < (options.maxPasses ?? 5); pass++) {
    let after = "00000000-0000-0000-0000-000000000000";
    let raced = 0;
    for (;;) {
      const batch: StoredRow[] = await dataSource.query(
        `SELECT id, id_number_cipher, phone_cipher FROM statistician
          WHERE id > $1 AND ${stale} ORDER BY id LIMIT $3`,
        [after, active, batchSize],
      );
      if (batch.length === 0) break;
      after = batch[batch.length - 1].id;
      const next = batch.map((r) => ({
        idNumber: reseal(r.id_number_cipher, idNumberContext(r.id)),
        phone: r.phone_cipher === null ? null : reseal(r.phone_cipher, phoneContext(r.id)),
      }));
      // TypeORM answers an UPDATE with [rows, affected].
      const [updated]: [{ id: string }[], number] = await dataSource.query(
        `UPDATE statistician s SET id_number_cipher = v.new_id_number, phone_cipher = v.new_phone
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
                AS v(id, old_id_number, old_phone, new_id_number, new_phone)
          WHERE s.id = v.id AND s.id_number_cipher = v.old_id_number
            AND s.phone_cipher IS NOT DISTINCT FROM v.old_phone
          RETURNING s.id`,
        [
          batch.map((r) => r.id),
          batch.map((r) => r.id_number_cipher),
          batch.map((r) => r.phone_cipher),
          next.map((n) => n.idNumber),
          next.map((n) => n.phone),
        ],
      );
      const done = new Set(updated.map((u) => u.id));
      batch.forEach((r, i) => {
        if (!done.has(r.id)) return void raced++;
        report.rows++;
        report.values +=
          Number(next[i].idNumber !== r.id_number_cipher) + Number(next[i].phone !== r.phone_cipher);
      });
    }
    report.raced += raced;
    if (raced === 0) break;
  }
  const [{ n }] = await dataSource.query(
    `SELECT count(*)::int AS n FROM statistician WHERE ${stale.replaceAll("$2", "$1")}`,
    [active],
  );
  return { ...report, remaining: n, seconds: (Date.now() - started) / 1000 };
}
