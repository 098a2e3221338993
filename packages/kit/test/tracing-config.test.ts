import { ConfigError, loadConfig, serviceEnvSchema, tracesUrlOf } from "../src";

// #16: tracing is configured with the OpenTelemetry variables; off (no endpoint) by default.

const valid = {
  DATABASE_URL: "postgres://u:p@127.0.0.1:5433/db",
  KAFKA_BROKERS: "127.0.0.1:19092",
  INTERNAL_SECRET: "0123456789abcdef",
};

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(serviceEnvSchema, { ...valid, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("#16 tracing settings", () => {
  it("#16: off by default, every trace sampled once an endpoint is set", () => {
    const config = loadConfig(serviceEnvSchema, valid);
    expect(tracesUrlOf(config)).toBeUndefined();
    expect(config.OTEL_TRACES_SAMPLER_ARG).toBe(1);
    expect(config.OTEL_BSP_SCHEDULE_DELAY).toBe(5000);
  });

  it("#16: the base endpoint gets /v1/traces; the traces endpoint is used as it is and wins", () => {
    const base = loadConfig(serviceEnvSchema, {
      ...valid,
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/",
    });
    expect(tracesUrlOf(base)).toBe("http://collector:4318/v1/traces");
    const both = loadConfig(serviceEnvSchema, {
      ...valid,
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://traces.example/otlp/v1/traces",
    });
    expect(tracesUrlOf(both)).toBe("https://traces.example/otlp/v1/traces");
  });

  it("#16: a ratio outside 0–1 and an endpoint that is no http(s) URL are refused, naming the variable", () => {
    expect(problemsOf({ OTEL_TRACES_SAMPLER_ARG: "1.5" })).toEqual([
      expect.stringMatching(/^OTEL_TRACES_SAMPLER_ARG: /),
    ]);
    expect(problemsOf({ OTEL_TRACES_SAMPLER_ARG: "half" })).toEqual([
      expect.stringMatching(/^OTEL_TRACES_SAMPLER_ARG: /),
    ]);
    expect(problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toEqual([
      "OTEL_EXPORTER_OTLP_ENDPOINT: expected a http or https URL",
    ]);
    expect(problemsOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "grpc://collector:4317" })).toEqual([
      "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: expected a http or https URL",
    ]);
  });
});
