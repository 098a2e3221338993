import type { MigrationInterface, QueryRunner } from "typeorm";
import { FINGERPRINT_PURPOSE } from "../keyed-idempotency";
import { personalDataCipher } from "../personal-data";

/**
 * Issue 14: the request fingerprints kept so far are plain SHA-256 hashes of inputs holding ID numbers
 * and phones; each is replaced by its HMAC (PERSONAL_DATA_HASH_KEY), as KeyedIdempotencyStore now
 * writes and compares them, so a retry of an earlier request still matches. Not reversible.
 */
export class KeyedRequestFingerprints1765100000000 implements MigrationInterface {
  name = "KeyedRequestFingerprints1765100000000";

  async up(q: QueryRunner): Promise<void> {
    const cipher = personalDataCipher(q.connection);
    const rows: { request_id: string; fingerprint: string }[] = await q.query(
      `SELECT request_id, fingerprint FROM idempotency_key`,
    );
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await q.query(
        `UPDATE idempotency_key k SET fingerprint = v.keyed
           FROM unnest($1::text[], $2::text[]) AS v(request_id, keyed) WHERE k.request_id = v.request_id`,
        [batch.map((r) => r.request_id), batch.map((r) => cipher.hash(r.fingerprint, FINGERPRINT_PURPOSE))],
      );
    }
  }

  async down(): Promise<void> {
    throw new Error(
      "KeyedRequestFingerprints1765100000000 is not reversible (the plain hashes are not kept).",
    );
  }
}
