/** How far an import is: rows done of the total, the rate so far and the time left at that rate. */
export interface ImportProgress {
  done: number;
  total: number;
  rowsPerSecond: number;
  /** Seconds left at the rate so far (null before the first row is done). */
  etaSeconds: number | null;
}

/**
 * A meter started now: each call with (done, total) says the rate since the start and the ETA. Counts
 * only, never a row's content, so its log lines carry nothing personal.
 */
export function progressMeter(now: () => number = Date.now): (done: number, total: number) => ImportProgress {
  const started = now();
  return (done, total) => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rowsPerSecond = Math.round((done / seconds) * 10) / 10;
    const etaSeconds = done > 0 ? Math.round(((total - done) / done) * seconds * 10) / 10 : null;
    return { done, total, rowsPerSecond, etaSeconds };
  };
}
