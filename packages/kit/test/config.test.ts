import { ConfigError, loadConfig, serviceEnvSchema } from "../src";

const valid = {
  DATABASE_URL: "postgres://u:p@127.0.0.1:5433/db",
  KAFKA_BROKERS: "127.0.0.1:19092, 127.0.0.1:19093",
  INTERNAL_SECRET: "0123456789abcdef",
};

describe("configuration from the environment", () => {
  it("parses and types a valid environment, with defaults", () => {
    const config = loadConfig(serviceEnvSchema, valid);
    expect(config.KAFKA_BROKERS).toEqual(["127.0.0.1:19092", "127.0.0.1:19093"]);
    expect(config.PORT).toBe(4001);
    expect(config.MIGRATE_ON_START).toBe(false);
    // an import's 5 MB file, base64-encoded inside the request, fits
    expect(config.BODY_LIMIT_BYTES).toBe(8_000_000);
  });

  it("a bad environment lists every problem at once", () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(serviceEnvSchema, {
        DATABASE_URL: "mysql://x",
        PORT: "99999",
        INTERNAL_SECRET: "short",
        MIGRATE_ON_START: "yes",
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = error!.problems.map((p) => p.split(":")[0]).sort();
    expect(names).toEqual(["DATABASE_URL", "INTERNAL_SECRET", "KAFKA_BROKERS", "MIGRATE_ON_START", "PORT"]);
    expect(error!.message).toContain("INTERNAL_SECRET: must be at least 16 characters");
  });

  it("reports the production-only rule even when another variable is also wrong", () => {
    expect(() =>
      loadConfig(serviceEnvSchema, {
        ...valid,
        PORT: "abc",
        NODE_ENV: "production",
        MIGRATE_ON_START: "true",
      }),
    ).toThrow(
      /PORT[\s\S]*MIGRATE_ON_START: must be false in production|MIGRATE_ON_START: must be false in production[\s\S]*PORT/,
    );
  });

  it("refuses migrations at start-up in production", () => {
    expect(() =>
      loadConfig(serviceEnvSchema, { ...valid, NODE_ENV: "production", MIGRATE_ON_START: "true" }),
    ).toThrow(/MIGRATE_ON_START: must be false in production/);
  });
});
