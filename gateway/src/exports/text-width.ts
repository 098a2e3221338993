// Column widths in Excel's character units: a CJK (full-width) character takes two.

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** A column wide enough for its header and sample values, with a margin, within sensible bounds. */
export function columnWidth(values: readonly string[], min = 6, max = 60): number {
  const widest = values.reduce((w, v) => Math.max(w, displayWidth(v)), 0);
  return Math.min(max, Math.max(min, widest + 2));
}
