import pino, { type Logger } from "pino";
import { personalDataKeys } from "../identity/personal-data";
import { currentTraceId } from "../tracing/trace-context";
import { currentContext } from "./request-context";

export type { Logger };

/** JSON logs with the service name and, inside a request or event handler, its ids. */
export function createLogger(service: string, level: string = "info"): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const ctx = currentContext();
      // The trace id joins a log line to its trace (it is also the request id the gateway makes).
      const traceId = currentTraceId();
      return ctx ? { requestId: ctx.requestId, userId: ctx.userId, eventId: ctx.eventId, traceId } : {};
    },
    // Personal data never reaches a log line, whatever object it is nested in.
    redact: {
      paths: [
        ...personalDataKeys,
        ...personalDataKeys.map((k) => `*.${k}`),
        ...personalDataKeys.map((k) => `*.*.${k}`),
        "headers.authorization",
        '*.headers["x-grassroots-internal-secret"]',
      ],
      censor: "[masked]",
    },
  });
}
