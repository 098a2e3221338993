import pino from "pino";
import { waitUntilSettled } from "../src";

const logger = pino({ level: "silent" });
const options = { logger, waiting: "waiting", settling: "settling", pollMs: 5 };

/** A projection filling up: the readings in turn, then the last one for good. */
const filling = (readings: { units: number }[]) => {
  let i = 0;
  const read = async () => readings[Math.min(i++, readings.length - 1)];
  return { read, polls: () => i };
};

describe("waitUntilSettled: a seed waits for the projections other services' events fill", () => {
  it("settles once the same reading came three times in a row and it is ready", async () => {
    const p = filling([{ units: 0 }, { units: 4 }, { units: 9 }, { units: 9 }, { units: 9 }, { units: 12 }]);
    const result = await waitUntilSettled(p.read, { ...options, ready: (c) => c.units > 0, seconds: 5 });
    expect(result).toEqual({ settled: true, last: { units: 9 } });
    expect(p.polls()).toBe(5);
  });

  it("a steady reading that is not ready (no units yet) keeps it waiting until the time is out", async () => {
    const p = filling([{ units: 0 }]);
    const result = await waitUntilSettled(p.read, { ...options, ready: (c) => c.units > 0, seconds: 0.1 });
    expect(result).toEqual({ settled: false, last: { units: 0 } });
    expect(p.polls()).toBeGreaterThan(3);
  });
});
