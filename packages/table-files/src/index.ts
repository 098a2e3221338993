export { TableFileError } from "./errors";
export {
  headerColumns,
  headerRequirement,
  HEADER_SEARCH_ROWS,
  rowsUnderHeader,
  tableRow,
  type ColumnIndex,
  type TableRow,
  type TableSpec,
} from "./header";
export { parseCsvTable, splitCsvLine } from "./csv";
export { cellText, parseXlsxTable } from "./xlsx";
export { isZip, unpackedSize, XLSX_MAX_UNPACKED_BYTES } from "./zip";
export {
  readTable,
  TABLE_FORMATS,
  TABLE_LIMITS,
  type ReadTableOptions,
  type TableFormat,
  type TableLimits,
} from "./read-table";
