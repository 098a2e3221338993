import { parseCsvTable } from "./csv";
import { TableFileError } from "./errors";
import type { TableRow, TableSpec } from "./header";
import { isZip } from "./zip";
import { parseXlsxTable } from "./xlsx";

export const TABLE_FORMATS = ["CSV", "XLSX"] as const;
/** CSV is sent as text, XLSX as base64 of the workbook's bytes (a data: URL prefix is accepted). */
export type TableFormat = (typeof TABLE_FORMATS)[number];

export interface TableLimits {
  /** Largest file, decoded (the CSV's UTF-8 bytes, the workbook's bytes). */
  maxBytes: number;
  /** Most data rows in one file. */
  maxRows: number;
}

/** 5 MB and 20,000 rows: a whole province's units (about 15,000) fit in one file. */
export const TABLE_LIMITS: TableLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 20_000 };

export interface ReadTableOptions<C extends string> extends TableSpec<C> {
  limits?: TableLimits;
  /** What the rows are, for the messages about their number (default "rows", e.g. "division rows"). */
  rowsName?: string;
}

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;

function decodeBase64(content: string): Buffer {
  const text = content.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new TableFileError(
      "The XLSX content must be the workbook's bytes in base64 (it is not valid base64; for CSV text send format: CSV).",
    );
  }
  return Buffer.from(text, "base64");
}

function decode(format: TableFormat, content: string, limits: TableLimits): Buffer {
  if (!content.trim()) throw new TableFileError("The file is empty.");
  // Sizes are checked before decoding (base64 carries 3 bytes in 4 characters), so a huge upload costs nothing.
  const size = format === "XLSX" ? Math.floor((content.length * 3) / 4) : Buffer.byteLength(content, "utf8");
  if (size > limits.maxBytes) {
    throw new TableFileError(
      `The file is ${megabytes(size)}; at most ${megabytes(limits.maxBytes)} is accepted. Split it, e.g. one file per banner.`,
    );
  }
  return format === "XLSX" ? decodeBase64(content) : Buffer.from(content, "utf8");
}

function checkCsvText(content: string): void {
  if (/^\s*UEsDB/.test(content) || content.startsWith("PK\u0003\u0004")) {
    throw new TableFileError(
      "This is an XLSX workbook, not CSV text: send it with format: XLSX, base64-encoded.",
    );
  }
  if (content.includes("\uFFFD") || content.includes("\u0000")) {
    throw new TableFileError(
      'The CSV text holds characters that are not valid UTF-8 (a GBK-encoded file?): save it as "CSV UTF-8" or send the XLSX.',
    );
  }
}

/**
 * Decodes and reads a table file within the limits into its rows under the header. Everything wrong
 * with the file as a whole is a TableFileError whose message says what, in a clerk's words; problems of
 * single rows are the caller's (for its import report).
 */
export async function readTable<C extends string>(
  format: TableFormat,
  content: string,
  options: ReadTableOptions<C>,
): Promise<{ rows: TableRow<C>[] }> {
  const limits = options.limits ?? TABLE_LIMITS;
  const rowsName = options.rowsName ?? "rows";
  const data = decode(format, content, limits);
  if (format === "CSV") checkCsvText(content);
  if (format === "XLSX" && !isZip(data)) {
    throw new TableFileError(
      "The XLSX content does not decode to an .xlsx workbook (a zip archive starting with PK); for CSV text send format: CSV.",
    );
  }
  let rows: TableRow<C>[];
  try {
    rows = format === "CSV" ? parseCsvTable(content, options) : await parseXlsxTable(data, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TableFileError(`The ${format} file cannot be read: ${reason}.`);
  }
  if (rows.length === 0) throw new TableFileError(`The file has a header row but no ${rowsName} below it.`);
  if (rows.length > limits.maxRows) {
    throw new TableFileError(
      `The file has ${rows.length} ${rowsName}; at most ${limits.maxRows} are accepted in one import. Split it, e.g. one file per banner.`,
    );
  }
  return { rows };
}
