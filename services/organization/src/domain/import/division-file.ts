import { badInput } from "@grassroots/kit/errors";
import type { DivisionRow } from "./columns";
import { parseDivisionCsv } from "./csv";
import { parseDivisionXlsx } from "./xlsx";
import { isZip } from "./zip-check";

export const DIVISION_FILE_FORMATS = ["CSV", "XLSX"] as const;
export type DivisionFileFormat = (typeof DIVISION_FILE_FORMATS)[number];

/** A division file as the API receives it: CSV as text, XLSX as base64 of the workbook's bytes. */
export interface DivisionFile {
  format: DivisionFileFormat;
  content: string;
}

export interface ImportLimits {
  /** Largest file, decoded (the CSV's UTF-8 bytes, the workbook's bytes). */
  maxBytes: number;
  /** Most division rows in one file. */
  maxRows: number;
}

/** 5 MB and 20,000 rows: a whole province's units (about 15,000) fit in one file. */
export const IMPORT_LIMITS: ImportLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 20_000 };

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;

function decodeBase64(content: string): Buffer {
  const text = content.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw badInput(
      "The XLSX content must be the workbook's bytes in base64 (it is not valid base64; for CSV text send format: CSV).",
      "content",
    );
  }
  return Buffer.from(text, "base64");
}

function decode(file: DivisionFile, limits: ImportLimits): Buffer {
  if (!file.content.trim()) throw badInput("The file is empty.", "content");
  // Sizes are checked before decoding (base64 carries 3 bytes in 4 characters), so a huge upload costs nothing.
  const size =
    file.format === "XLSX"
      ? Math.floor((file.content.length * 3) / 4)
      : Buffer.byteLength(file.content, "utf8");
  if (size > limits.maxBytes) {
    throw badInput(
      `The file is ${megabytes(size)}; at most ${megabytes(limits.maxBytes)} is accepted. Split it, e.g. one file per banner.`,
      "content",
    );
  }
  return file.format === "XLSX" ? decodeBase64(file.content) : Buffer.from(file.content, "utf8");
}

function checkCsvText(content: string): void {
  if (/^\s*UEsDB/.test(content) || content.startsWith("PK\u0003\u0004")) {
    throw badInput(
      "This is an XLSX workbook, not CSV text: send it with format: XLSX, base64-encoded.",
      "content",
    );
  }
  if (content.includes("\uFFFD") || content.includes("\u0000")) {
    throw badInput(
      'The CSV text holds characters that are not valid UTF-8 (a GBK-encoded file?): save it as "CSV UTF-8" or send the XLSX.',
      "content",
    );
  }
}

/**
 * Decodes and parses a division file within the limits. Everything wrong with the file as a whole is a
 * BAD_USER_INPUT on `content` naming the problem; problems of single rows are for the import's report.
 */
export async function readDivisionFile(
  file: DivisionFile,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<DivisionRow[]> {
  const data = decode(file, limits);
  if (file.format === "CSV") checkCsvText(file.content);
  if (file.format === "XLSX" && !isZip(data)) {
    throw badInput(
      "The XLSX content does not decode to an .xlsx workbook (a zip archive starting with PK); for CSV text send format: CSV.",
      "content",
    );
  }
  let rows: DivisionRow[];
  try {
    rows = file.format === "CSV" ? parseDivisionCsv(file.content) : await parseDivisionXlsx(data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badInput(`The ${file.format} file cannot be read: ${reason}.`, "content");
  }
  if (rows.length === 0)
    throw badInput("The file has a header row but no division rows below it.", "content");
  if (rows.length > limits.maxRows) {
    throw badInput(
      `The file has ${rows.length} division rows; at most ${limits.maxRows} are accepted in one import. Split it, e.g. one file per banner.`,
      "content",
    );
  }
  return rows;
}
