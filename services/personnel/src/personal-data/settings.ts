import { createHash } from "node:crypto";
import { z } from "zod";
import { KEY_ID_PATTERN, PersonalDataCipher, PersonalDataError, type PersonalDataKeys } from "./cipher";

/**
 * The settings of personal data at rest (README "Personal data at rest"); their values are secrets
 * and never go into a message or a log line. Unset outside production, the dev-only keys below apply
 * (so tests, the suite and the load tests run without a Secret); in production all three are required.
 */
export const personalDataSettings = {
  /** `kid1:<base64 of 32 bytes>,kid2:<…>`: every key that may decrypt. */
  PERSONAL_DATA_KEYS: z.string().optional(),
  /** The key id new values are encrypted with (one of PERSONAL_DATA_KEYS). */
  PERSONAL_DATA_ACTIVE_KEY: z.string().optional(),
  /** base64 of at least 32 bytes: the HMAC key of the ID number's lookup hash. */
  PERSONAL_DATA_HASH_KEY: z.string().optional(),
};

type Settings = { NODE_ENV?: string } & {
  [K in keyof typeof personalDataSettings]?: string | undefined;
};

// Fixed and public: for development and tests only, never for real data (refused in production).
const devKey = (name: string) =>
  createHash("sha256").update(`grassroots ${name}`).digest().toString("base64");
export const DEV_ONLY_KEY_ID = "dev-only";
export const DEV_ONLY_PERSONAL_DATA_KEYS = `${DEV_ONLY_KEY_ID}:${devKey("dev-only personal data key")}`;
export const DEV_ONLY_PERSONAL_DATA_HASH_KEY = devKey("dev-only personal data hash key");

const HOW = "base64 of 32 random bytes, e.g. `openssl rand -base64 32`";

/** The keys from the settings, or a PersonalDataError naming the setting at fault (never its value). */
export function personalDataKeysOf(settings: Settings): PersonalDataKeys {
  const production = settings.NODE_ENV === "production";
  const required = (name: keyof typeof personalDataSettings, devValue: string | undefined) => {
    const value = settings[name]?.trim();
    if (value) return value;
    if (production)
      throw new PersonalDataError(
        `${name} is required when NODE_ENV=production (from the personnel Secret).`,
      );
    return devValue;
  };
  const keys = parseKeys(required("PERSONAL_DATA_KEYS", DEV_ONLY_PERSONAL_DATA_KEYS)!);
  // Outside production a single key needs no active id.
  const activeKeyId = required("PERSONAL_DATA_ACTIVE_KEY", keys.size === 1 ? [...keys.keys()][0] : undefined);
  if (!activeKeyId)
    throw new PersonalDataError(
      "PERSONAL_DATA_ACTIVE_KEY is required when PERSONAL_DATA_KEYS holds several keys.",
    );
  if (!keys.has(activeKeyId))
    throw new PersonalDataError(
      `PERSONAL_DATA_ACTIVE_KEY names key id "${activeKeyId}", which PERSONAL_DATA_KEYS does not hold (it holds: ${[...keys.keys()].join(", ")}).`,
    );
  const hashKey = Buffer.from(required("PERSONAL_DATA_HASH_KEY", DEV_ONLY_PERSONAL_DATA_HASH_KEY)!, "base64");
  if (hashKey.length < 32)
    throw new PersonalDataError(
      `PERSONAL_DATA_HASH_KEY is ${hashKey.length} bytes; it needs at least 32 (${HOW}).`,
    );
  return { keys, activeKeyId, hashKey };
}

function parseKeys(value: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  value.split(",").forEach((entry, i) => {
    const at = entry.indexOf(":");
    const kid = entry.slice(0, at).trim();
    if (at < 0 || !KEY_ID_PATTERN.test(kid))
      throw new PersonalDataError(
        `PERSONAL_DATA_KEYS entry ${i + 1} is not <key id>:<key> (a key id of letters, digits, - or _).`,
      );
    if (keys.has(kid)) throw new PersonalDataError(`PERSONAL_DATA_KEYS names key id "${kid}" twice.`);
    const key = Buffer.from(entry.slice(at + 1).trim(), "base64");
    if (key.length !== 32)
      throw new PersonalDataError(
        `PERSONAL_DATA_KEYS key "${kid}" is ${key.length} bytes; AES-256 needs 32 (${HOW}).`,
      );
    keys.set(kid, key);
  });
  return keys;
}

/** For a config schema's superRefine: the keys' problem as a config issue, so start-up fails naming it. */
export function checkPersonalDataSettings(settings: Settings, ctx: z.RefinementCtx): void {
  try {
    personalDataKeysOf(settings);
  } catch (error) {
    if (!(error instanceof PersonalDataError)) throw error;
    const path = /^PERSONAL_DATA_\w+/.exec(error.message)?.[0] ?? "PERSONAL_DATA_KEYS";
    ctx.addIssue({ code: "custom", path: [path], message: error.message.slice(path.length + 1) });
  }
}

export const personalDataCipherOf = (settings: Settings) =>
  new PersonalDataCipher(personalDataKeysOf(settings));
