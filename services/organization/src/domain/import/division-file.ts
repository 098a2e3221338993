import { badInput } from "@grassroots/kit/errors";
import {
  readTable,
  TABLE_FORMATS,
  TABLE_LIMITS,
  TableFileError,
  type TableFormat,
  type TableLimits,
} from "@grassroots/table-files";
import { DIVISION_TABLE, divisionRow, type DivisionRow } from "./columns";

export const DIVISION_FILE_FORMATS = TABLE_FORMATS;
export type DivisionFileFormat = TableFormat;

/** A division file as the API receives it: CSV as text, XLSX as base64 of the workbook's bytes. */
export interface DivisionFile {
  format: DivisionFileFormat;
  content: string;
}

export type ImportLimits = TableLimits;

/** 5 MB and 20,000 rows: a whole province's units (about 15,000) fit in one file. */
export const IMPORT_LIMITS: ImportLimits = TABLE_LIMITS;

/**
 * Decodes and parses a division file within the limits. Everything wrong with the file as a whole is a
 * BAD_USER_INPUT on `content` naming the problem; problems of single rows are for the import's report.
 */
export async function readDivisionFile(
  file: DivisionFile,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<DivisionRow[]> {
  try {
    const { rows } = await readTable(file.format, file.content, {
      ...DIVISION_TABLE,
      limits,
      rowsName: "division rows",
    });
    return rows.map(divisionRow);
  } catch (error) {
    if (error instanceof TableFileError) throw badInput(error.message, "content");
    throw error;
  }
}
