/** Progress lines on stderr, so stdout stays the report. */
export function progress(message: string): void {
  process.stderr.write(`[load-tests ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** "1,234/5,678 (21.7%), 180/s, ~25 s left" */
export function describeProgress(done: number, total: number, startedAt: number): string {
  const elapsed = (Date.now() - startedAt) / 1000;
  const rate = elapsed > 0 ? done / elapsed : 0;
  const left = rate > 0 && total > done ? `, ~${Math.round((total - done) / rate)} s left` : "";
  const pct = total ? ` (${((100 * done) / total).toFixed(1)}%)` : "";
  return `${done.toLocaleString("en")}/${total.toLocaleString("en")}${pct}, ${Math.round(rate)}/s${left}`;
}
