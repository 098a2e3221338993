import { badInput } from "@grassroots/kit/errors";
import { checkDate, checkText } from "@grassroots/kit/validation";
import { ITEM_GROUPS, type NewStandard, type NewStandardItem, type Standard } from "../standardization";
import type { ChangePolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import { oncePerRequest, type Retryable } from "./common";

export type DefineStandardInput = Omit<NewStandard, "version" | "items"> & {
  items: Omit<NewStandardItem, "ordinal">[];
};

/**
 * A standard is versioned data: defining one with an existing code adds the next version; a version
 * is never edited (the database refuses changes to a version that assessments use).
 */
export function defineStandard(
  uow: UnitOfWork,
  policy: ChangePolicy,
  input: DefineStandardInput & Retryable,
) {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "defineStandardizationStandard", actorId: policy.actorId, input },
      () => defineStandardIn(tx, policy, input),
      (standard) => standard.id,
      (id) => tx.standardization.standardById(id),
    ),
  );
}

export async function defineStandardIn(
  tx: Transaction,
  policy: ChangePolicy,
  input: DefineStandardInput,
): Promise<Standard> {
  policy.cityDecision("define standardization standards");
  const standard = checkStandard(input);
  const version = ((await tx.standardization.lockLatestVersion(standard.code)) ?? 0) + 1;
  return tx.standardization.insertStandard({ ...standard, version });
}

function checkStandard(input: DefineStandardInput): Omit<NewStandard, "version"> {
  const code = checkText(input.code, "code", 60);
  if (!/^[A-Z0-9][A-Z0-9_-]*$/.test(code))
    throw badInput(`A standard code uses A–Z, 0–9, "-" and "_"; got "${code}".`, "code");
  if (input.items.length < 1 || input.items.length > 50) {
    throw badInput(`A standard has 1 to 50 items; got ${input.items.length}.`, "items");
  }
  const codes = input.items.map((i) => i.code);
  const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (repeated.length)
    throw badInput(`Item codes must be unique; repeated: ${[...new Set(repeated)].join(", ")}.`, "items");
  return {
    code,
    title: checkText(input.title, "title", 200),
    source: checkText(input.source, "source", 500),
    effectiveFrom: checkDate(input.effectiveFrom, "effectiveFrom"),
    isSample: input.isSample,
    items: input.items.map((item, i) => {
      if (!ITEM_GROUPS.includes(item.group))
        throw badInput(`items[${i}].group must be HAVE or IZATION.`, `items[${i}].group`);
      return {
        ordinal: i + 1,
        group: item.group,
        code: checkText(item.code, `items[${i}].code`, 60),
        nameZh: checkText(item.nameZh, `items[${i}].nameZh`, 100),
        nameEn: checkText(item.nameEn, `items[${i}].nameEn`, 200),
        description: item.description?.trim() || null,
      };
    }),
  };
}
