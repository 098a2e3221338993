import { badInput } from "@grassroots/kit/errors";
import { checkInt, checkText, isUuid } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { validateRule } from "../../rules/r9-award-allocation";
import type { FinancePolicy } from "../access-policy";
import { parseRule, ruleData, type AwardProgramme, type RuleData } from "../award";
import { parseMoney } from "@grassroots/kit/validation";
import type { Transaction, UnitOfWork } from "../ports";

export interface CreateAwardProgrammeInput {
  cityUnitId: string;
  name: string;
  firstYear: number;
  lastYear: number;
  annualAmount: string;
  rule: RuleData;
  /** A sample rule (the seed's, or one not yet adopted): shown as such wherever it is used. */
  isSample?: boolean;
  id?: string;
}

export const createAwardProgramme = (
  uow: UnitOfWork,
  policy: FinancePolicy,
  input: CreateAwardProgrammeInput,
) => uow.run((tx) => createAwardProgrammeIn(tx, policy, input));

/** R9: the city's award programme (以奖代补) with its first rule version, refused when the rule cannot be satisfied. */
export async function createAwardProgrammeIn(
  tx: Transaction,
  policy: FinancePolicy,
  input: CreateAwardProgrammeInput,
): Promise<AwardProgramme> {
  policy.requireRole("manage the award programme", "CITY_ADMIN");
  const city = isUuid(input.cityUnitId) ? await tx.units.get(input.cityUnitId) : undefined;
  policy.requireInArea(city, "Org unit", input.cityUnitId, "cityUnitId");
  if (city.kind !== "CITY") throw badInput("An award programme belongs to a city.", "cityUnitId");
  const name = checkText(input.name, "name", 200);
  const firstYear = checkInt(input.firstYear, "firstYear", 2000, 2100);
  const lastYear = checkInt(input.lastYear, "lastYear", firstYear, firstYear + 10);
  const annualAmountFen = parseMoney(input.annualAmount, "annualAmount", { zero: false });
  const rule = parseRule(input.rule);
  validateRule(rule, annualAmountFen, (await tx.units.countyUnitsOf(city.id)).length);
  return tx.awards.insertProgramme(
    {
      id: input.id ?? randomUUID(),
      cityUnitId: city.id,
      name,
      firstYear,
      lastYear,
      annualAmountFen,
      isSample: input.isSample ?? false,
      createdBy: policy.actor.id,
      createdByName: policy.actor.name,
    },
    ruleData(rule),
  );
}
