import { registerEnumType } from "type-graphql";
import { ORG_UNIT_KINDS } from "../../domain/org-unit";
import { ASSESSMENT_RESULTS, ITEM_GROUPS, ITEM_STATUSES } from "../../domain/standardization";

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const OrgUnitKindEnum = enumOf(ORG_UNIT_KINDS);
export const ItemGroupEnum = enumOf(ITEM_GROUPS);
export const ItemStatusEnum = enumOf(ITEM_STATUSES);
export const AssessmentResultEnum = enumOf(ASSESSMENT_RESULTS);

registerEnumType(OrgUnitKindEnum, {
  name: "OrgUnitKind",
  description:
    "Kind of org unit (GLOSSARY.md): city, county level (DISTRICT, BANNER), township level, village level.",
});
registerEnumType(ItemGroupEnum, { name: "StandardItemGroup", description: "八有 (HAVE) or 八化 (IZATION)." });
registerEnumType(ItemStatusEnum, { name: "StandardItemStatus" });
registerEnumType(AssessmentResultEnum, {
  name: "StandardizationResult",
  description: "STANDARDIZED when every item of the standard version is MET, otherwise NOT_STANDARDIZED.",
});
