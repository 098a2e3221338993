import { createLogger } from "@grassroots/kit";
import { startPeriodicTasks } from "../src";

const logger = createLogger("periodic-task-test", "silent");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("periodic tasks (time-driven checks: R5 overdue filings, R8 instalments past due, R13 deadlines)", () => {
  it("runs a task at start and then every interval, never two runs of it at once", async () => {
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const tasks = startPeriodicTasks(
      [
        {
          name: "slow",
          everyMs: 10,
          run: async () => {
            concurrent++;
            maxConcurrent = Math.max(maxConcurrent, concurrent);
            await sleep(35);
            concurrent--;
            runs++;
          },
        },
      ],
      logger,
    );
    await sleep(200);
    await tasks.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(maxConcurrent).toBe(1);
  });

  it("a failing run is tried again next time; stop waits for the run in flight and starts no more", async () => {
    let attempts = 0;
    let finished = 0;
    const tasks = startPeriodicTasks(
      [
        {
          name: "flaky",
          everyMs: 10,
          run: async () => {
            attempts++;
            if (attempts === 1) throw new Error("database away");
            await sleep(20);
            finished++;
          },
        },
      ],
      logger,
    );
    await sleep(60);
    await tasks.stop();
    const after = attempts;
    expect(after).toBeGreaterThanOrEqual(2);
    expect(finished).toBe(after - 1); // the run in flight at stop completed
    await sleep(40);
    expect(attempts).toBe(after);
  });
});
