import { formatMoney, parseMoney } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { post, type Caller, type Endpoint } from "../driver/endpoint";
import type { OperationDef } from "../scenarios/definitions";
import type { Json } from "../scenarios/template";

/**
 * The writes the generator makes through the gateway, as the users would (finance officers record
 * their government's lines and payments, the city bureau adds units). Validated against the
 * supergraph by test/definitions.test.ts like the scenarios' operations.
 */
export const GENERATION_OPERATIONS: Record<string, OperationDef> = {
  GenerateUnit: {
    subgraphs: ["organization"],
    document: `
query GenerateUnit($code: String!) {
  orgUnitByCode(code: $code) { id code name kind children(first: 200) { edges { node { id code kind } } } }
}`,
  },
  GenerateOrgUnit: {
    subgraphs: ["organization"],
    document: `
mutation GenerateOrgUnit($input: CreateOrgUnitInput!) {
  createOrgUnit(input: $input) { id code kind }
}`,
  },
  GenerateBudgetLine: {
    subgraphs: ["finance"],
    document: `
mutation GenerateBudgetLine($input: CreateBudgetLineInput!) {
  createBudgetLine(input: $input) { id instalments { seq dueDate amount } }
}`,
  },
  GenerateDisbursement: {
    subgraphs: ["finance"],
    document: `
mutation GenerateDisbursement($input: RecordDisbursementInput!) {
  recordDisbursement(input: $input) { id }
}`,
  },
};

/** One generation call; throws naming the operation and the first error. */
export async function call<T>(
  endpoint: Endpoint,
  caller: Caller,
  operation: keyof typeof GENERATION_OPERATIONS,
  variables: Record<string, Json>,
): Promise<T> {
  const response = await post(endpoint, caller, {
    query: GENERATION_OPERATIONS[operation].document,
    operationName: operation,
    variables,
  });
  if (response.status !== 200 || response.errors?.length)
    throw new Error(
      `${operation} as ${caller.role} at ${caller.home}: ${response.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`} ${response.errors?.[0]?.message ?? ""}`,
    );
  return response.data as T;
}

export interface LineSpec {
  ownerCode: string;
  year: number;
  purpose: "WORK_FUNDS" | "SUBSIDIES" | "OTHER";
  purposeName?: string;
  beneficiaryUnitId?: string;
  amount: string;
  schedule: "MONTHLY" | "QUARTERLY" | "HALF_YEARLY";
  documentNumber: string;
  /** Which instalments are paid late (days after the due date) or short (60 %); the others 3 days early. */
  lateSeqs?: Record<number, number>;
  shortSeqs?: number[];
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A budget line by the owner's finance officer, and its payments up to today: each instalment due
 * by then is paid (3 days early, late or short as the spec says); payments after today are not made.
 * Returns the number of payments.
 */
export async function lineWithPayments(
  endpoint: Endpoint,
  spec: LineSpec,
  ownerUnitId: string,
  today: string,
): Promise<number> {
  const officer: Caller = { role: "FINANCE_OFFICER", home: spec.ownerCode };
  const { createBudgetLine } = await call<{
    createBudgetLine: { id: string; instalments: { seq: number; dueDate: string; amount: string }[] };
  }>(endpoint, officer, "GenerateBudgetLine", {
    input: {
      requestId: randomUUID(),
      fiscalYear: spec.year,
      ownerUnitId,
      purpose: spec.purpose,
      ...(spec.purposeName ? { purposeName: spec.purposeName } : {}),
      ...(spec.beneficiaryUnitId ? { beneficiaryUnitId: spec.beneficiaryUnitId } : {}),
      classificationCode: "2010505",
      documentTitle: `${spec.year}年基层统计工作经费（压测数据）`,
      documentNumber: spec.documentNumber,
      amount: spec.amount,
      schedule: { kind: spec.schedule },
    },
  });
  let payments = 0;
  for (const instalment of createBudgetLine.instalments) {
    const late = spec.lateSeqs?.[instalment.seq];
    const paidOn = addDays(instalment.dueDate, late ?? -3);
    if (paidOn > today) continue;
    const fen = parseMoney(instalment.amount, "amount");
    const amount = spec.shortSeqs?.includes(instalment.seq)
      ? formatMoney((fen * 6n) / 10n)
      : instalment.amount;
    await call(endpoint, officer, "GenerateDisbursement", {
      input: {
        requestId: randomUUID(),
        lineId: createBudgetLine.id,
        instalmentSeq: instalment.seq,
        amount,
        paidOn,
        voucherNumber: `压测-${spec.year}-${String(instalment.seq).padStart(3, "0")}`,
        payer: "财政局（压测数据）",
      },
    });
    payments++;
  }
  return payments;
}
