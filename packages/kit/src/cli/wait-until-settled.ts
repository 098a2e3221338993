import type { Logger } from "../logging/logger";

export interface SettleOptions<C> {
  /** What must hold of a reading besides being steady (the org tree is there at all). */
  ready: (reading: C) => boolean;
  /** The most it waits. */
  seconds: number;
  logger: Logger;
  /** Logged with each reading while it still changes, and once it has repeated. */
  waiting: string;
  settling: string;
  pollMs?: number;
  /** Readings in a row that must be the same (the relays may lag behind one another). */
  stablePolls?: number;
}

/**
 * Polls `read` until the same reading comes `stablePolls` times in a row and `ready` holds of it: a
 * seed waiting for the projections other services' events fill. Returns whether it settled before
 * `seconds` ran out, and the last reading (a seed may go on with what is there).
 */
export async function waitUntilSettled<C extends object>(
  read: () => Promise<C>,
  { ready, seconds, logger, waiting, settling, pollMs = 2000, stablePolls = 3 }: SettleOptions<C>,
): Promise<{ settled: boolean; last: C | undefined }> {
  const deadline = Date.now() + seconds * 1000;
  let last: C | undefined;
  let lastKey = "";
  let stable = 0;
  while (Date.now() < deadline) {
    last = await read();
    const key = JSON.stringify(last);
    stable = key === lastKey ? stable + 1 : 0;
    lastKey = key;
    logger.info(last as Record<string, unknown>, stable ? settling : waiting);
    if (ready(last) && stable >= stablePolls - 1) return { settled: true, last };
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return { settled: false, last };
}
