import { context, propagation } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { AsyncLocalContextManager } from "./async-context";
import { sqlInstrumentation } from "./sql-spans";
import { tracesUrlOf, type TracingEnv } from "./tracing-config";

export interface Tracing {
  /** True when spans are recorded and exported. */
  enabled: boolean;
  /** Sends the spans still buffered and stops the exporter (a shutdown step, last). */
  stop(): Promise<void>;
}

/**
 * Starts tracing for a process from its configuration; call once, before serving. Either way the
 * AsyncLocalStorage context and the W3C propagator are installed, so an incoming `traceparent` is
 * passed on to subgraphs, the outbox and Kafka — with tracing off too, at the cost of a header.
 */
export function startTracing(service: string, env: TracingEnv): Tracing {
  const url = tracesUrlOf(env);
  // Only W3C trace context (no baggage: nothing a caller sends rides along unasked).
  const propagator = new W3CTraceContextPropagator();
  const contextManager = new AsyncLocalContextManager();
  if (!url) {
    // Off: no tracer provider at all, so every span (ours, the gateway library's) is the API's
    // no-op carrying its parent's ids; the SQL hook is taken out again.
    context.setGlobalContextManager(contextManager);
    propagation.setGlobalPropagator(propagator);
    sqlInstrumentation.disable();
    return { enabled: false, stop: async () => undefined };
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(env.OTEL_TRACES_SAMPLER_ARG) }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url }), {
        scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY,
      }),
    ],
  });
  provider.register({ contextManager, propagator });
  sqlInstrumentation.setTracerProvider(provider);
  return { enabled: true, stop: () => provider.shutdown() };
}
