import type { IdempotencyKey, IdempotencyStore } from "@grassroots/kit";
import type { PersonalDataCipher } from "../personal-data/cipher";

export const FINGERPRINT_PURPOSE = "idempotency_key.fingerprint";

/**
 * The kit's request fingerprint is a plain SHA-256 of the input, and registerStatistician's and
 * updateStatistician's inputs hold the ID number and phone: with the birth date and unit (stored
 * plain) an ID number has ~1,000 candidates, so a plain hash would give it away. Stored keyed
 * (HMAC with PERSONAL_DATA_HASH_KEY) instead; compared by re-keying the retry's fingerprint.
 */
export class KeyedIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly inner: IdempotencyStore,
    private readonly cipher: PersonalDataCipher,
  ) {}

  private keyed(fingerprint: string): string {
    return this.cipher.hash(fingerprint, FINGERPRINT_PURPOSE);
  }

  async claim(key: IdempotencyKey) {
    const keyed = this.keyed(key.fingerprint);
    const first = await this.inner.claim({ ...key, fingerprint: keyed });
    // The same input: hand back the caller's own fingerprint, so the kit's comparison holds.
    return first && first.fingerprint === keyed ? { ...first, fingerprint: key.fingerprint } : first;
  }

  complete(requestId: string, resultId: string): Promise<void> {
    return this.inner.complete(requestId, resultId);
  }

  used(requestIds: readonly string[]): Promise<Set<string>> {
    return this.inner.used(requestIds);
  }
}
