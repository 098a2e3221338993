import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { configSchema } from "../src/config";
import { PersonalDataCipher, PersonalDataError } from "../src/personal-data/cipher";
import { DEV_ONLY_KEY_ID, personalDataCipherOf, personalDataKeysOf } from "../src/personal-data/settings";

const b64 = () => randomBytes(32).toString("base64");
const k1 = b64();
const k2 = b64();
const hashKey = b64();
const cipherWith = (keys: string, active: string) =>
  personalDataCipherOf({
    NODE_ENV: "production",
    PERSONAL_DATA_KEYS: keys,
    PERSONAL_DATA_ACTIVE_KEY: active,
    PERSONAL_DATA_HASH_KEY: hashKey,
  });
const ID = "150621199001011237";
const CONTEXT = "statistician.id_number:7d1b0c1e-0000-4000-8000-000000000001";

describe("#14 personal data at rest: the cipher (AES-256-GCM, key id per value, keyed hash)", () => {
  const cipher = cipherWith(`kid1:${k1},kid2:${k2}`, "kid1");

  it("round-trips, names its key id, and two encryptions of the same value differ (random 96-bit IV)", () => {
    const a = cipher.encrypt(ID, CONTEXT);
    const b = cipher.encrypt(ID, CONTEXT);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:kid1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain(ID);
    expect(cipher.keyIdOf(a)).toBe("kid1");
    expect(cipher.decrypt(a, CONTEXT)).toBe(ID);
    expect(cipher.decrypt(b, CONTEXT)).toBe(ID);
  });

  it("refuses a tampered value: ciphertext, tag or IV changed, or another row's or column's value", () => {
    const value = cipher.encrypt(ID, CONTEXT);
    const [v, kid, iv, tag, body] = value.split(":");
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64");
      bytes[0] ^= 1;
      return bytes.toString("base64");
    };
    for (const altered of [
      [v, kid, iv, tag, flip(body)],
      [v, kid, iv, flip(tag), body],
      [v, kid, flip(iv), tag, body],
    ])
      expect(() => cipher.decrypt(altered.join(":"), CONTEXT)).toThrow(/refused: it fails authentication/);
    expect(() => cipher.decrypt(value, CONTEXT.replace("0001", "0002"))).toThrow(PersonalDataError);
    expect(() => cipher.decrypt(value, "statistician.phone:x")).toThrow(PersonalDataError);
    expect(() => cipher.decrypt("150621199001011237", CONTEXT)).toThrow(/not a v1:<key id>/);
  });

  it("a value under a key id the keys do not hold is a clear error naming the ids, never a key", () => {
    const value = cipherWith(`kid9:${b64()}`, "kid9").encrypt(ID, CONTEXT);
    let message = "";
    try {
      cipher.decrypt(value, CONTEXT);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/key id "kid9", which PERSONAL_DATA_KEYS does not hold \(it holds: kid1, kid2\)/);
    expect(message).not.toContain(k1);
  });

  it("a value encrypted under kid1 still opens once kid2 is active; new values go under kid2", () => {
    const old = cipher.encrypt(ID, CONTEXT);
    const rotated = cipherWith(`kid1:${k1},kid2:${k2}`, "kid2");
    expect(rotated.decrypt(old, CONTEXT)).toBe(ID);
    expect(rotated.keyIdOf(rotated.encrypt(ID, CONTEXT))).toBe("kid2");
  });

  it("the keyed hash is stable, differs by value and by key, and is not the plain SHA-256", () => {
    const again = cipherWith(`kid2:${k2}`, "kid2");
    expect(cipher.hash(ID, "id_number")).toBe(again.hash(ID, "id_number"));
    expect(cipher.hash(ID, "id_number")).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.hash(ID, "id_number")).not.toBe(cipher.hash("15062119900101125X", "id_number"));
    const otherHashKey = new PersonalDataCipher({
      ...personalDataKeysOf({ NODE_ENV: "test" }),
      hashKey: randomBytes(32),
    });
    expect(otherHashKey.hash(ID, "id_number")).not.toBe(cipher.hash(ID, "id_number"));
  });
});

describe("#14 personal data at rest: the settings", () => {
  const env = { INTERNAL_SECRET: "x".repeat(16), DATABASE_URL: "postgres://h/db", KAFKA_BROKERS: "h:9092" };
  const problems = (extra: Record<string, string>) => {
    const result = configSchema.safeParse({ ...env, ...extra });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("production refuses to start without the keys, naming each setting", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      "PERSONAL_DATA_KEYS: is required when NODE_ENV=production (from the personnel Secret).",
    ]);
    expect(problems({ NODE_ENV: "production", PERSONAL_DATA_KEYS: `kid1:${k1}` })).toEqual([
      "PERSONAL_DATA_ACTIVE_KEY: is required when NODE_ENV=production (from the personnel Secret).",
    ]);
    expect(
      problems({
        NODE_ENV: "production",
        PERSONAL_DATA_KEYS: `kid1:${k1}`,
        PERSONAL_DATA_ACTIVE_KEY: "kid1",
      }),
    ).toEqual(["PERSONAL_DATA_HASH_KEY: is required when NODE_ENV=production (from the personnel Secret)."]);
    const all = {
      PERSONAL_DATA_KEYS: `kid1:${k1}`,
      PERSONAL_DATA_ACTIVE_KEY: "kid1",
      PERSONAL_DATA_HASH_KEY: hashKey,
    };
    expect(problems({ NODE_ENV: "production", ...all })).toEqual([]);
  });

  it("malformed settings are refused with what is wrong, never echoing a key", () => {
    const short = randomBytes(16).toString("base64");
    const cases: [Record<string, string>, RegExp][] = [
      [
        { PERSONAL_DATA_KEYS: `kid1:${short}` },
        /^PERSONAL_DATA_KEYS: key "kid1" is 16 bytes; AES-256 needs 32/,
      ],
      [{ PERSONAL_DATA_KEYS: k1 }, /^PERSONAL_DATA_KEYS: entry 1 is not <key id>:<key>/],
      [{ PERSONAL_DATA_KEYS: `a:${k1},a:${k2}`, PERSONAL_DATA_ACTIVE_KEY: "a" }, /names key id "a" twice/],
      [
        { PERSONAL_DATA_KEYS: `a:${k1}`, PERSONAL_DATA_ACTIVE_KEY: "b" },
        /names key id "b", which PERSONAL_DATA_KEYS does not hold \(it holds: a\)/,
      ],
      [{ PERSONAL_DATA_HASH_KEY: short }, /^PERSONAL_DATA_HASH_KEY: is 16 bytes; it needs at least 32/],
    ];
    for (const [settings, expected] of cases) {
      const found = problems({
        NODE_ENV: "production",
        PERSONAL_DATA_ACTIVE_KEY: "kid1",
        PERSONAL_DATA_HASH_KEY: hashKey,
        PERSONAL_DATA_KEYS: `kid1:${k1}`,
        ...settings,
      });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(expected);
      for (const key of [k1, k2, short, hashKey]) expect(found[0]).not.toContain(key);
    }
  });

  it("outside production the fixed dev-only keys apply when unset (tests, the suite, the load tests)", () => {
    expect(problems({ NODE_ENV: "development" })).toEqual([]);
    expect(problems({ NODE_ENV: "test" })).toEqual([]);
    expect(problems({ NODE_ENV: "development", PERSONAL_DATA_KEYS: `a:${k1},b:${k2}` })).toEqual([
      "PERSONAL_DATA_ACTIVE_KEY: is required when PERSONAL_DATA_KEYS holds several keys.",
    ]);
    const dev = personalDataKeysOf({ NODE_ENV: "test" });
    expect(dev.activeKeyId).toBe(DEV_ONLY_KEY_ID);
    expect([...dev.keys.keys()]).toEqual([DEV_ONLY_KEY_ID]);
  });

  it("the built service (node dist/main.js) with NODE_ENV=production and no keys exits 1 at once, naming the setting", () => {
    const main = resolve(__dirname, "../dist/main.js");
    expect(existsSync(main)).toBe(true); // pnpm --filter @grassroots/personnel build
    const run = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, ...env, NODE_ENV: "production", PERSONAL_DATA_HASH_KEY: hashKey },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "PERSONAL_DATA_KEYS: is required when NODE_ENV=production (from the personnel Secret).",
    );
    expect(run.stderr + run.stdout).not.toContain(hashKey);
  });
});
