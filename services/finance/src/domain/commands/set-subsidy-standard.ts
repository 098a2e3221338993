import { badInput } from "@grassroots/kit/errors";
import { checkDate, checkText } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { FinancePolicy } from "../access-policy";
import { parseMoney } from "@grassroots/kit/validation";
import type { UnitOfWork } from "../ports";
import { dayBefore, TASK_KIND, type SubsidyStandard } from "../subsidy";
import { bannerInArea } from "./subsidy-common";

export interface SetSubsidyStandardInput {
  bannerUnitId: string;
  effectiveFrom: string;
  effectiveTo?: string;
  documentTitle: string;
  documentNumber: string;
  items: { taskKind: string; unitOfWork: string; rate: string; isMinimum?: boolean }[];
  isSample?: boolean;
  id?: string;
}

/**
 * R10: a new version of a banner's subsidy standard (BANNER_ADMIN of that banner). A version in force
 * is never edited: the open-ended latest one is superseded from the new version's start (its range
 * ends the day before). Any other overlap is refused.
 */
export function setSubsidyStandard(
  uow: UnitOfWork,
  policy: FinancePolicy,
  input: SetSubsidyStandardInput,
): Promise<SubsidyStandard> {
  return uow.run(async (tx) => {
    const action = "set subsidy standards";
    policy.requireRole(action, "BANNER_ADMIN");
    const banner = await bannerInArea(tx, policy, input.bannerUnitId);
    policy.requireOwnLevel(banner, action);
    const from = checkDate(input.effectiveFrom, "effectiveFrom");
    const to = input.effectiveTo ? checkDate(input.effectiveTo, "effectiveTo") : null;
    if (to !== null && to < from)
      throw badInput(`effectiveTo ${to} is before effectiveFrom ${from}.`, "effectiveTo");
    const items = input.items.map((item, i) => {
      const field = `items[${i}]`;
      if (!TASK_KIND.test(item.taskKind))
        throw badInput(
          `${field}.taskKind must be a code such as HOUSEHOLD_LISTING; got "${item.taskKind}".`,
          `${field}.taskKind`,
        );
      return {
        taskKind: item.taskKind,
        unitOfWork: checkText(item.unitOfWork, `${field}.unitOfWork`, 40),
        rateFen: parseMoney(item.rate, `${field}.rate`, { zero: false }),
        isMinimum: item.isMinimum ?? false,
      };
    });
    if (items.length === 0) throw badInput("A standard needs at least one item.", "items");
    if (new Set(items.map((i) => i.taskKind)).size !== items.length)
      throw badInput("Each task kind appears once in a standard.", "items");
    await tx.subsidies.lockBanner(banner.id);
    const versions = await tx.subsidies.standardsOf(banner.id);
    const latest = versions[versions.length - 1];
    for (const v of versions) {
      const supersedable = v === latest && v.effectiveTo === null && v.effectiveFrom < from;
      const overlaps = v.effectiveFrom <= (to ?? "9999-12-31") && (v.effectiveTo ?? "9999-12-31") >= from;
      if (overlaps && !supersedable)
        throw badInput(
          `The standard would overlap version ${v.version} (${v.effectiveFrom} to ${v.effectiveTo ?? "open"}); a new version starts after the last one starts.`,
          "effectiveFrom",
        );
    }
    if (latest && latest.effectiveTo === null && latest.effectiveFrom < from)
      await tx.subsidies.endStandard(latest.id, dayBefore(from));
    const standard = {
      id: input.id ?? randomUUID(),
      bannerUnitId: banner.id,
      version: (latest?.version ?? 0) + 1,
      effectiveFrom: from,
      effectiveTo: to,
      documentTitle: checkText(input.documentTitle, "documentTitle", 200),
      documentNumber: checkText(input.documentNumber, "documentNumber", 60),
      isSample: input.isSample ?? false,
      createdBy: policy.actor.id,
      createdByName: policy.actor.name,
      items,
    };
    await tx.subsidies.insertStandard(standard);
    return (await tx.subsidies.standardsOf(banner.id)).find((s) => s.id === standard.id)!;
  });
}
