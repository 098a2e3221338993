import type { Identity } from "@grassroots/kit";

/** A cell as the reports produce it: text, a number (already exact, see money.ts), or empty. */
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Excel number format for number cells, e.g. "#,##0.00". */
  numFmt?: string;
}

/** What a statistical table carries besides its rows (the block above the header). */
export interface TableMeta {
  /** 表号 */
  tableNumber: string;
  /** 制表机关 */
  issuer: string;
  /** 文号 */
  documentNumber: string;
}

export type TableUnit = "元" | "万元" | "人" | "个";

export interface ExportTable {
  sheetName: string;
  title: string;
  unit: TableUnit;
  columns: Column[];
  /** Rows already fetched, used to size the columns before anything is streamed. */
  firstRows: Cell[][];
  /** Further rows, fetched page by page while the sheet is written (the roster). */
  moreRows?: () => AsyncIterable<Cell[][]>;
  /** The totals row, asked for once every row has been written (sums kept by the report). */
  totals?: () => Cell[];
  notes: string[];
}

/** A named GraphQL operation run through the gateway as the caller; resolves with its data. */
export type RunOperation = <T>(document: string, variables: Record<string, unknown>) => Promise<T>;

export interface ExportReport<P = Record<string, unknown>> {
  /** The path segment: /exports/<name>.xlsx */
  name: string;
  meta: TableMeta;
  /** Reads and checks the query parameters; throws ExportRefusal BAD_USER_INPUT naming the parameter. */
  params(query: URLSearchParams, caller: Identity): P;
  /** Runs the first operation(s): any refusal happens here, before the response starts. */
  open(run: RunOperation, params: P): Promise<ExportTable>;
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};

/** A refused export: answered as JSON `{ code, message }` with the HTTP status of its code. */
export class ExportRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ExportRefusal";
  }

  get status(): number {
    return STATUS[this.code] ?? 502;
  }
}

export function badParameter(name: string, message: string): ExportRefusal {
  return new ExportRefusal("BAD_USER_INPUT", `Parameter ${name}: ${message}`);
}
