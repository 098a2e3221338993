import type { Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { startPeriodicTasks } from "../runtime/periodic-task";
import { OUTBOX_LAG_SQL, outboxLagOf, type OutboxLagRow } from "./outbox-lag-reading";
import { recordOutboxLag } from "./relay-metrics";

export interface OutboxLagWatch {
  /** Reads the outbox table once (tests call it; the timer does otherwise). */
  sample(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Measures the outbox lag from the table every `everyMs` (5 s) on the service's pool, apart from the
 * relay: a relay that is stuck (a stalled producer, a broker away, another replica holding the lock)
 * publishes nothing and so would measure nothing, and that is when the lag matters.
 */
export function watchOutboxLag(dataSource: DataSource, logger: Logger, everyMs = 5000): OutboxLagWatch {
  const sample = async () => {
    const [row] = await dataSource.query<OutboxLagRow[]>(OUTBOX_LAG_SQL);
    const { pending, ageSeconds } = outboxLagOf(row);
    recordOutboxLag(pending, ageSeconds);
  };
  const tasks = startPeriodicTasks(
    [
      {
        name: "outbox lag",
        everyMs,
        run: () =>
          sample().catch((error: unknown) =>
            logger.debug({ err: error }, "outbox lag not measured; tried again later"),
          ),
      },
    ],
    logger,
  );
  return { sample, stop: () => tasks.stop() };
}
