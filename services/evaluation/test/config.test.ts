import { loadConfig } from "@grassroots/kit";
import { configSchema } from "../src/config";
import { DEFAULT_RULE_WEIGHTS } from "../src/rules/r13-scorecard";

const env = {
  DATABASE_URL: "postgres://evaluation:evaluation@127.0.0.1:5433/grassroots_evaluation",
  KAFKA_BROKERS: "127.0.0.1:19092",
  INTERNAL_SECRET: "a-secret-of-sixteen-chars",
};

describe("configuration", () => {
  it("defaults: port 4005, the default scorecard weights, escalation after 15 days", () => {
    const config = loadConfig(configSchema, env);
    expect(config.PORT).toBe(4005);
    expect(config.EVALUATION_SCORECARD_WEIGHTS).toEqual(DEFAULT_RULE_WEIGHTS);
    expect(config.EVALUATION_ESCALATE_AFTER_DAYS).toBe(15);
  });

  it("R13: scorecard weights per rule from the environment, over the defaults", () => {
    const config = loadConfig(configSchema, {
      ...env,
      EVALUATION_SCORECARD_WEIGHTS: "R3.township-staffing=40, R5.filing-timeliness=0",
    });
    expect(config.EVALUATION_SCORECARD_WEIGHTS["R3.township-staffing"]).toBe(40);
    expect(config.EVALUATION_SCORECARD_WEIGHTS["R5.filing-timeliness"]).toBe(0);
    expect(config.EVALUATION_SCORECARD_WEIGHTS["R1.post-established"]).toBe(10);
  });

  it("R13: an unknown rule or a bad weight is refused at start", () => {
    expect(() => loadConfig(configSchema, { ...env, EVALUATION_SCORECARD_WEIGHTS: "R99.nothing=5" })).toThrow(
      /unknown rule "R99.nothing"/,
    );
    expect(() =>
      loadConfig(configSchema, { ...env, EVALUATION_SCORECARD_WEIGHTS: "R3.township-staffing=2.5" }),
    ).toThrow(/whole number/);
  });
});
