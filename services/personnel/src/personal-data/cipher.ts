import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/** The keys personal data is protected with (from PERSONAL_DATA_* settings; see settings.ts). */
export interface PersonalDataKeys {
  /** Every key that may decrypt, by key id (AES-256: 32 bytes each). */
  keys: ReadonlyMap<string, Buffer>;
  /** The key id new values are encrypted with. */
  activeKeyId: string;
  /** The HMAC-SHA256 key of the lookup hash (its own key, never an encryption key). */
  hashKey: Buffer;
}

/** Refused personal data: unknown key id, a malformed value, or one that fails authentication. */
export class PersonalDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PersonalDataError";
  }
}

export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const VERSION = "v1";
const IV_BYTES = 12; // GCM's 96-bit nonce, random per value
const TAG_BYTES = 16;

/**
 * AES-256-GCM for personal data at rest: `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64 parts), so a
 * value names the key that encrypted it and keys can rotate. `context` is authenticated too (the
 * column and row a value belongs to), so a value copied into another column or row is refused.
 * Never logs or puts a key or a plaintext into an error message.
 */
export class PersonalDataCipher {
  constructor(private readonly k: PersonalDataKeys) {
    if (!k.keys.has(k.activeKeyId))
      throw new PersonalDataError(`The active key id "${k.activeKeyId}" is not among the keys.`);
  }

  get activeKeyId(): string {
    return this.k.activeKeyId;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.k.keys.get(this.k.activeKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64"));
    return [VERSION, this.k.activeKeyId, ...parts].join(":");
  }

  decrypt(value: string, context: string): string {
    const { keyId, iv, tag, body } = parse(value);
    const key = this.k.keys.get(keyId);
    if (!key)
      throw new PersonalDataError(
        `Personal data encrypted under key id "${keyId}", which PERSONAL_DATA_KEYS does not hold ` +
          `(it holds: ${[...this.k.keys.keys()].join(", ")}); add that key back, or rotate before removing it.`,
      );
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      throw new PersonalDataError(
        `Personal data refused: it fails authentication under key id "${keyId}" (altered, or not this ${context.split(":")[0]}'s value).`,
      );
    }
  }

  /** The key id a stored value names (without decrypting it). */
  keyIdOf(value: string): string {
    return parse(value).keyId;
  }

  /** A keyed hash (HMAC-SHA256, hex) for uniqueness and lookup: the same value, the same hash. */
  hash(plaintext: string, purpose: string): string {
    return createHmac("sha256", this.k.hashKey).update(`${purpose}\u0000${plaintext}`, "utf8").digest("hex");
  }
}

function parse(value: string): { keyId: string; iv: Buffer; tag: Buffer; body: Buffer } {
  const parts = value.split(":");
  if (parts.length !== 5 || parts[0] !== VERSION || !KEY_ID_PATTERN.test(parts[1]))
    throw new PersonalDataError(
      `Personal data refused: not a ${VERSION}:<key id>:<iv>:<tag>:<ciphertext> value.`,
    );
  const [iv, tag, body] = parts.slice(2).map((p) => Buffer.from(p, "base64"));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new PersonalDataError(`Personal data refused: its IV or tag has the wrong length.`);
  return { keyId: parts[1], iv, tag, body };
}
