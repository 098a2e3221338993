import { logLevel, type LogEntry } from "kafkajs";
import { CONNECTION_LOG_WINDOW_MS, kafkaLogPolicy } from "../src/kafka/kafka-log";

const entry = (level: logLevel, namespace: string, message: string, extra: Record<string, unknown> = {}) =>
  ({ namespace, level, label: "", log: { timestamp: "t", message, ...extra } }) as LogEntry;

describe("#14: kafkajs' lines in our log", () => {
  test("a broker outage's reconnect errors become one warning per kind and window, then one saying how many were held back", () => {
    let now = 0;
    const policy = kafkaLogPolicy(() => now);
    const refused = () =>
      policy(entry(logLevel.ERROR, "Connection", "Connection error: connect ECONNREFUSED 127.0.0.1:19092"));
    expect(refused()).toMatchObject({ level: "warn", fields: { kafka: "Connection" } });
    for (let i = 0; i < 99; i++) {
      now += 250;
      expect(refused()).toBeUndefined();
    }
    // another kind of trouble in the same outage still shows once
    expect(
      policy(
        entry(
          logLevel.ERROR,
          "BrokerPool",
          "Failed to connect to seed broker, trying another broker from the list",
        ),
      ),
    ).toMatchObject({ level: "warn" });
    now = CONNECTION_LOG_WINDOW_MS + 1;
    expect(refused()).toMatchObject({ level: "warn", fields: { heldBack: 99 } });
    expect(refused()).toBeUndefined();
  });

  test("the idempotent producer's start notice goes to debug; other errors and warnings keep their level", () => {
    const policy = kafkaLogPolicy(() => 0);
    expect(
      policy(
        entry(
          logLevel.WARN,
          "Producer",
          "Limiting retries for the idempotent producer may invalidate EoS guarantees",
        ),
      ),
    ).toMatchObject({ level: "debug" });
    expect(policy(entry(logLevel.ERROR, "Consumer", "Unknown topic or partition", { topic: "x" }))).toEqual({
      level: "error",
      fields: { kafka: "Consumer", timestamp: "t", topic: "x" },
      message: "Unknown topic or partition",
    });
    expect(policy(entry(logLevel.WARN, "Admin", "something to look at"))).toMatchObject({ level: "warn" });
  });
});
