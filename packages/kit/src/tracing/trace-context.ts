import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
} from "@opentelemetry/api";
import { RandomIdGenerator } from "@opentelemetry/sdk-trace-node";

const tracer = () => trace.getTracer("grassroots");
// The SDK's own ids (fast, not for secrets): a trace id names a request, it grants nothing.
const ids = new RandomIdGenerator();

/** W3C trace context as it travels in headers, outbox rows and CloudEvents. */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

type Carrier = Record<string, string | string[] | undefined>;

/** The trace context a carrier (HTTP headers, an event's attributes) brings, or none. */
export function contextFrom(carrier: Carrier | TraceHeaders): Context {
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** The current span's context as W3C headers (empty outside a trace). */
export function currentTraceHeaders(active: Context = context.active()): TraceHeaders {
  const carrier: TraceHeaders = {};
  propagation.inject(active, carrier);
  return carrier;
}

/** The trace id of the current span, when there is one. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span && trace.isSpanContextValid(span.spanContext()) ? span.spanContext().traceId : undefined;
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** The parent; the current context by default. */
  parent?: Context;
}

/**
 * Runs `fn` inside a new span, ending it when `fn` settles (an error is recorded by its name only:
 * messages may quote input). With tracing off the span is a no-op carrying its parent's ids; a span
 * with no parent then gets fresh ids, unsampled, so every request still has a trace id to log and
 * pass on.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  let span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  if (!trace.isSpanContextValid(span.spanContext())) {
    span = trace.wrapSpanContext({
      traceId: ids.generateTraceId(),
      spanId: ids.generateSpanId(),
      traceFlags: TraceFlags.NONE,
    });
  }
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
    throw error;
  } finally {
    span.end();
  }
}

export { SpanKind };
