import { cellNumber, ratioText } from "../money";
import type { Cell, TableMeta } from "../report";

/** The block every report carries; the 表号 is each report's own. */
export const tableMeta = (tableNumber: string): TableMeta => ({
  tableNumber,
  issuer: "鄂尔多斯市统计局",
  documentNumber: "鄂统字〔2024〕基层统计规范化建设",
});

/** A rate the API gives as a fraction (0.9375): written as it is, shown as a percent by the format. */
export const rateCell = (rate: number | null): Cell => rate;
export const PERCENT = "0.00%";

/** A totals row's rate from the exact integer counts, as the services compute theirs. */
export const ratioCell = (part: number, whole: number): Cell => {
  const text = ratioText(BigInt(part), BigInt(whole));
  return text === null ? null : cellNumber(text);
};

export const sum = <T>(items: readonly T[], of: (item: T) => number): number =>
  items.reduce((n, item) => n + of(item), 0);
