import { z } from "zod";
import { envInt, envUrl } from "../config/env-types";

const optionalUrl = z.union([z.literal(""), envUrl(["http", "https"])]).default("");

/**
 * The tracing settings of every process (the OpenTelemetry names, so operators' usual settings work).
 * No endpoint — the default — means tracing is off: no exporter, but W3C trace context is still
 * accepted and passed on, so a traced caller's ids reach every log line.
 */
export const tracingEnv = {
  /** The collector's base URL; traces go to `<it>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  /** The full traces URL; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
  /** Share of new traces recorded (parent-based: a caller's sampling decision is kept). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  /** How long finished spans wait to be sent together, in ms. */
  OTEL_BSP_SCHEDULE_DELAY: envInt(5000, 1),
};

export interface TracingEnv {
  OTEL_EXPORTER_OTLP_ENDPOINT: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: string;
  OTEL_TRACES_SAMPLER_ARG: number;
  OTEL_BSP_SCHEDULE_DELAY: number;
}

/** Where spans go, or undefined when tracing is off. */
export function tracesUrlOf(env: TracingEnv): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT)
    return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`;
  return undefined;
}
