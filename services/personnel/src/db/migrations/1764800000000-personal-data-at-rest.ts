import type { MigrationInterface, QueryRunner } from "typeorm";
import { personalDataCipher } from "../personal-data";
import { StatisticianRows } from "../repositories/statistician.rows";

const BATCH = 1000;

/**
 * Issue 14, personal data at rest: a statistician's ID number and phone are stored encrypted
 * (AES-256-GCM, `v1:<key id>:…`, personal-data/cipher.ts) and the ID number is unique by its keyed
 * hash instead of its plaintext. SQL cannot encrypt with the service's keys, so the existing rows are
 * encrypted here in TypeScript with the keys of the data source running the migration (the service at
 * start, or `pnpm migrate`), then the plaintext columns are dropped and the table rewritten, so no
 * plaintext is left in its live rows. Not reversible: down() would need to write plaintext back.
 */
export class PersonalDataAtRest1764800000000 implements MigrationInterface {
  name = "PersonalDataAtRest1764800000000";

  async up(q: QueryRunner): Promise<void> {
    const rows = new StatisticianRows(personalDataCipher(q.connection));
    await q.query(`
      ALTER TABLE statistician
        ADD COLUMN id_number_cipher text,
        ADD COLUMN id_number_hash   text,
        ADD COLUMN phone_cipher     text`);

    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const batch: { id: string; id_number: string; phone: string | null }[] = await q.query(
        `SELECT id, id_number, phone FROM statistician WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (batch.length === 0) break;
      const sealed = batch.map((r) => ({
        ...rows.sealIdNumber(r.id, r.id_number),
        phone: rows.sealPhone(r.id, r.phone),
      }));
      await q.query(
        `UPDATE statistician s SET id_number_cipher = v.c, id_number_hash = v.h, phone_cipher = v.p
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, c, h, p) WHERE s.id = v.id`,
        [
          batch.map((r) => r.id),
          sealed.map((s) => s.idNumberCipher),
          sealed.map((s) => s.idNumberHash),
          sealed.map((s) => s.phone),
        ],
      );
      after = batch[batch.length - 1].id;
    }

    // The unique constraint and format CHECK of the plaintext go with its column.
    await q.query(`ALTER TABLE statistician DROP COLUMN id_number, DROP COLUMN phone`);
    // The type change rewrites the table: its rows are rebuilt without the dropped columns' values.
    await q.query(`
      ALTER TABLE statistician
        ALTER COLUMN id_number_hash TYPE char(64) USING id_number_hash::char(64),
        ALTER COLUMN id_number_hash SET NOT NULL,
        ALTER COLUMN id_number_cipher SET NOT NULL,
        ADD CONSTRAINT statistician_id_number_hash_key UNIQUE (id_number_hash),
        ADD CONSTRAINT statistician_id_number_hash_check CHECK (id_number_hash ~ '^[0-9a-f]{64}$'),
        ADD CONSTRAINT statistician_id_number_cipher_check CHECK (id_number_cipher ~ '${SEALED}'),
        ADD CONSTRAINT statistician_phone_cipher_check CHECK (phone_cipher ~ '${SEALED}')`);
  }

  async down(): Promise<void> {
    throw new Error(
      "PersonalDataAtRest1764800000000 is not reversible: it would write personal data back in plaintext.",
    );
  }
}

/** `v1:<key id>:<iv>:<tag>:<ciphertext>`, base64 parts (a 12-byte IV is 16 characters, a 16-byte tag 24). */
const SEALED = "^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$";
