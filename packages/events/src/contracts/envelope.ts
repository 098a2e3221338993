import type { IHeaders } from "kafkajs";

/** The CloudEvents 1.0 attributes we carry, in Kafka binary mode (one `ce_` header each). */
export interface CloudEventAttributes {
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  /** Extension: the request that caused the event, so logs of consumers can be joined to it. */
  requestid?: string;
  /** Distributed-tracing extension: the W3C trace context of the publish, so consumers continue the trace. */
  traceparent?: string;
  tracestate?: string;
}

export const SPEC_VERSION = "1.0";
export const CONTENT_TYPE = "application/json";

export function toKafkaHeaders(attrs: CloudEventAttributes): IHeaders {
  const headers: IHeaders = {
    ce_specversion: SPEC_VERSION,
    ce_id: attrs.id,
    ce_source: attrs.source,
    ce_type: attrs.type,
    ce_time: attrs.time,
    "content-type": CONTENT_TYPE,
  };
  if (attrs.subject) headers.ce_subject = attrs.subject;
  if (attrs.requestid) headers.ce_requestid = attrs.requestid;
  if (attrs.traceparent) headers.ce_traceparent = attrs.traceparent;
  if (attrs.tracestate) headers.ce_tracestate = attrs.tracestate;
  return headers;
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Reads the attributes back; throws with the missing names when the message is not a CloudEvent. */
export function fromKafkaHeaders(headers: IHeaders | undefined): CloudEventAttributes {
  const required = ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"];
  const missing = required.filter((n) => !header(headers, n));
  if (missing.length) throw new Error(`not a CloudEvent: missing ${missing.join(", ")}`);
  const version = header(headers, "ce_specversion");
  if (version !== SPEC_VERSION) throw new Error(`unsupported CloudEvents specversion ${version}`);
  return {
    id: header(headers, "ce_id")!,
    source: header(headers, "ce_source")!,
    type: header(headers, "ce_type")!,
    time: header(headers, "ce_time")!,
    subject: header(headers, "ce_subject"),
    requestid: header(headers, "ce_requestid"),
    traceparent: header(headers, "ce_traceparent"),
    tracestate: header(headers, "ce_tracestate"),
  };
}
