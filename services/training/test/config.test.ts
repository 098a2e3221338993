import { ConfigError, loadConfig } from "@grassroots/kit";
import { cliConfigSchema, configSchema } from "../src/config";

const base = {
  DATABASE_URL: "postgres://u:p@127.0.0.1:5433/grassroots_training",
  KAFKA_BROKERS: "127.0.0.1:19092",
  INTERNAL_SECRET: "0123456789abcdef0123",
};

describe("configuration", () => {
  it("defaults to port 4003 and an 80% attendance share for a pre-post pass (R7)", () => {
    const config = loadConfig(configSchema, base);
    expect(config).toMatchObject({
      PORT: 4003,
      TRAINING_PASS_MIN_ATTENDANCE_PERCENT: 80,
      KAFKA_TOPIC_PREFIX: "",
    });
    expect(
      loadConfig(configSchema, { ...base, TRAINING_PASS_MIN_ATTENDANCE_PERCENT: "75" })
        .TRAINING_PASS_MIN_ATTENDANCE_PERCENT,
    ).toBe(75);
    expect(loadConfig(cliConfigSchema, base)).toMatchObject({
      TRAINING_PASS_MIN_ATTENDANCE_PERCENT: 80,
      SEED_WAIT_SECONDS: 90,
    });
  });

  it("lists every problem: a share above 100, a bad port, a missing secret", () => {
    try {
      loadConfig(configSchema, {
        ...base,
        INTERNAL_SECRET: undefined,
        PORT: "abc",
        TRAINING_PASS_MIN_ATTENDANCE_PERCENT: "120",
      });
      throw new Error("expected a ConfigError");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/TRAINING_PASS_MIN_ATTENDANCE_PERCENT/);
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/INTERNAL_SECRET/);
    }
  });
});
