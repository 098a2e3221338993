import type { Logger } from "pino";

/** Something to stop on shutdown, in the order given (HTTP first, pools last). */
export interface ShutdownStep {
  name: string;
  stop(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT runs the steps in order, each at most once, within a total time limit;
 * exits 0 when all stopped cleanly, 1 otherwise.
 */
export function onShutdown(logger: Logger, timeoutMs: number, steps: () => ShutdownStep[]): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error({ timeoutMs }, "shutdown took too long; exiting");
      process.exit(1);
    }, timeoutMs);
    force.unref();
    let failed = false;
    for (const step of steps()) {
      try {
        await step.stop();
        logger.info({ step: step.name }, "stopped");
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: step.name }, "failed to stop cleanly");
      }
    }
    clearTimeout(force);
    process.exit(failed ? 1 : 0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

/** Wraps a service's main(): an error during start-up is logged and ends the process with status 1. */
export function runMain(logger: Logger, main: () => Promise<void>): void {
  main().catch((error) => {
    logger.fatal({ err: error }, "start-up failed");
    process.exit(1);
  });
}
