import { logLevel, type LogEntry } from "kafkajs";

/** How kafkajs' lines reach our log: a level, or nothing. */
export type KafkaLogLine = {
  level: "error" | "warn" | "debug";
  fields: Record<string, unknown>;
  message: string;
};

/** One line per kind of broker-connection trouble per window, with the count of those held back. */
export const CONNECTION_LOG_WINDOW_MS = 30_000;

// What a broker outage makes kafkajs say, over and over, from every client and retry.
const CONNECTION_TROUBLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection (error|timeout|closed)|connect to (seed )?broker|Closed connection|Broker not connected|The coordinator is not available|Crash: KafkaJSNumberOfRetriesExceeded|KafkaJSConnectionError|Restarting the consumer/i;

// kafkajs' notice at every idempotent producer's start: true of our settings, nothing to act on.
const NOTICES = [/Limiting retries for the idempotent producer may invalidate EoS guarantees/];

/**
 * kafkajs' log policy: a broker outage made every client log an error line per reconnect attempt
 * (~100 lines per service in 25 s). Connection trouble is a warning, once per kind and window, and
 * the next one says how many were held back; known notices go to debug; everything else keeps its level.
 */
export function kafkaLogPolicy(now: () => number = Date.now): (entry: LogEntry) => KafkaLogLine | undefined {
  const windows = new Map<string, { until: number; held: number }>();
  return (entry) => {
    const { message, ...extra } = entry.log;
    const fields: Record<string, unknown> = { kafka: entry.namespace, ...extra };
    const text = `${message} ${String(extra.error ?? "")}`;
    if (NOTICES.some((n) => n.test(text))) return { level: "debug", fields, message };
    if (entry.level <= logLevel.WARN && CONNECTION_TROUBLE.test(text)) {
      const kind = `${entry.namespace}:${(CONNECTION_TROUBLE.exec(text)?.[0] ?? "").toLowerCase()}`;
      const window = windows.get(kind);
      if (window && now() < window.until) {
        window.held++;
        return undefined;
      }
      windows.set(kind, { until: now() + CONNECTION_LOG_WINDOW_MS, held: 0 });
      return { level: "warn", fields: window?.held ? { ...fields, heldBack: window.held } : fields, message };
    }
    const level = entry.level <= logLevel.ERROR ? "error" : entry.level === logLevel.WARN ? "warn" : "debug";
    return { level, fields, message };
  };
}
