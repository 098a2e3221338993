import { BudgetLineCreated } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import { checkInt, checkText, isUuid, type Clock } from "@grassroots/kit/validation";
import { COUNTY_LEVEL_KINDS, describeUnit } from "@grassroots/org-projection/units";
import { randomUUID } from "node:crypto";
import { budgetLineState } from "../../events/budget-events";
import type { FinancePolicy } from "../access-policy";
import {
  buildSchedule,
  PURPOSES,
  type BudgetLine,
  type BudgetLevel,
  type Purpose,
  type ScheduleInput,
} from "../budget";
import { parseMoney } from "@grassroots/kit/validation";
import type { NewTerms, OrgUnitRef, Transaction, UnitOfWork } from "../ports";
import { publishR8IfChanged } from "../r8-status/publish-r8";
import { runOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { requireOpenYear } from "./common";

/** The terms of a line a clerk types (the first version, or a revision). */
export interface LineTermsInput {
  amount: string;
  beneficiaryUnitId?: string;
  classificationCode: string;
  documentTitle: string;
  documentNumber: string;
  schedule: ScheduleInput;
}

export interface CreateBudgetLineInput extends LineTermsInput, Retryable {
  fiscalYear: number;
  ownerUnitId: string;
  purpose: Purpose;
  purposeName?: string;
  /** Only the seed names the id (a second run finds its lines). */
  id?: string;
}

export function createBudgetLine(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: CreateBudgetLineInput,
): Promise<BudgetLine> {
  return runOncePerRequest(
    uow,
    "createBudgetLine",
    policy.actor.id,
    input,
    (tx) => createBudgetLineIn(tx, policy, clock, input),
    (line) => line.id,
    (tx, id) => tx.budgets.get(id),
  );
}

const action = "record budget lines";

/** R8: a line of the city's or a banner's budget, with a schedule that adds up exactly to its amount. */
export async function createBudgetLineIn(
  tx: Transaction,
  policy: FinancePolicy,
  clock: Clock,
  input: CreateBudgetLineInput,
): Promise<BudgetLine> {
  policy.requireRole(action, "FINANCE_OFFICER");
  const owner = isUuid(input.ownerUnitId) ? await tx.units.get(input.ownerUnitId) : undefined;
  policy.requireInArea(owner, "Org unit", input.ownerUnitId, "ownerUnitId");
  policy.requireOwnLevel(owner, action);
  const level = levelOf(owner);
  const fiscalYear = checkInt(input.fiscalYear, "fiscalYear", 2000, 2100);
  if (!PURPOSES.includes(input.purpose))
    throw badInput(`purpose must be one of ${PURPOSES.join(", ")}.`, "purpose");
  const purposeName =
    input.purpose === "OTHER"
      ? checkText(input.purposeName ?? "", "purposeName", 100)
      : input.purposeName?.trim()
        ? checkText(input.purposeName, "purposeName", 100)
        : null;
  const { terms, instalments } = await checkTerms(tx, policy, fiscalYear, input, null);
  await requireOpenYear(tx, owner, fiscalYear, "fiscalYear");
  const line = await tx.budgets.insert(
    {
      id: input.id ?? randomUUID(),
      fiscalYear,
      level,
      ownerUnitId: owner.id,
      purpose: input.purpose,
      purposeName,
      createdBy: policy.actor.id,
      createdByName: policy.actor.name,
    },
    terms,
    instalments,
  );
  await tx.publish(BudgetLineCreated, budgetLineState(line, owner));
  await publishR8IfChanged(tx, clock, line);
  return line;
}

function levelOf(owner: OrgUnitRef): BudgetLevel {
  if (owner.kind === "CITY") return "CITY";
  if (COUNTY_LEVEL_KINDS.includes(owner.kind)) return "BANNER";
  throw badInput(
    `A budget line belongs to the city's or a banner's government; ${describeUnit(owner)} is a ${owner.kind}.`,
    "ownerUnitId",
  );
}

/** The terms' own fields, the amount and the schedule (which must add up exactly). */
export async function checkTerms(
  tx: Transaction,
  policy: FinancePolicy,
  fiscalYear: number,
  input: LineTermsInput,
  reason: string | null,
) {
  const amountFen = parseMoney(input.amount, "amount", { zero: false });
  let beneficiaryUnitId: string | null = null;
  if (input.beneficiaryUnitId) {
    const beneficiary = isUuid(input.beneficiaryUnitId)
      ? await tx.units.get(input.beneficiaryUnitId)
      : undefined;
    if (!beneficiary)
      throw badInput(`beneficiaryUnitId ${input.beneficiaryUnitId} is no unit.`, "beneficiaryUnitId");
    beneficiaryUnitId = beneficiary.id;
  }
  const terms: NewTerms = {
    amountFen,
    beneficiaryUnitId,
    classificationCode: checkText(input.classificationCode, "classificationCode", 40),
    documentTitle: checkText(input.documentTitle, "documentTitle", 200),
    documentNumber: checkText(input.documentNumber, "documentNumber", 60),
    scheduleKind: input.schedule.kind,
    reason,
    revisedBy: policy.actor.id,
    revisedByName: policy.actor.name,
  };
  return { terms, instalments: buildSchedule(fiscalYear, amountFen, input.schedule) };
}
