import type { Logger } from "@grassroots/kit";

/**
 * Work a service does because time passed, not because a request or an event came: a filing that
 * became overdue (R5), an instalment past its due date (R8), a finding past its deadline (R13). The
 * bootstrap runs each task every `everyMs` while events are on (a task publishes through the outbox);
 * tests call `run()` themselves with a test clock. A run that fails is logged and tried again next time;
 * runs never overlap.
 */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

export interface RunningTasks {
  stop(): Promise<void>;
}

export function startPeriodicTasks(tasks: PeriodicTask[], logger: Logger): RunningTasks {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  for (const task of tasks) {
    let running = false;
    const tick = () => {
      if (running || stopped) return;
      running = true;
      const run = task
        .run()
        .catch((error: unknown) => logger.error({ err: error, task: task.name }, "periodic task failed"))
        .finally(() => {
          running = false;
          inFlight.delete(run);
        });
      inFlight.add(run);
    };
    const timer = setInterval(tick, task.everyMs);
    timer.unref();
    timers.push(timer);
    setImmediate(tick); // once at start: a restarted process catches up at once
  }
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all([...inFlight]);
    },
  };
}
