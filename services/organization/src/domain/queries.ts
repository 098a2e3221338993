import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import { checkPageSize, isUuid } from "@grassroots/kit/validation";
import { checkCodeFormat } from "./division-code";
import type { OrgUnit, OrgUnitKind } from "./org-unit";
import type { OrgUnitReads, Page, Scope } from "./ports";

/**
 * Reads, always inside the caller's subtree. A unit outside it answers NOT_FOUND exactly as a unit that
 * does not exist (the kit's notFoundInArea, as commands do), so lookups never reveal what lies beyond
 * the caller's area.
 */
export async function getOrgUnit(reads: OrgUnitReads, scope: Scope, id: string): Promise<OrgUnit> {
  const [unit] = isUuid(id) ? await reads.byIds([id], scope) : [];
  if (!unit) throw notFoundInArea("Org unit", id);
  return unit;
}

export async function getOrgUnitByCode(reads: OrgUnitReads, scope: Scope, code: string): Promise<OrgUnit> {
  checkCodeFormat(code);
  const unit = await reads.byCode(code, scope);
  if (!unit) throw notFoundInArea("Org unit with code", code);
  return unit;
}

export interface SearchInput {
  nameContains?: string;
  codePrefix?: string;
  kinds?: OrgUnitKind[];
  underId?: string;
  parentId?: string;
  includeInactive?: boolean;
  first?: number;
  afterCode?: string;
}

export async function searchOrgUnits(
  reads: OrgUnitReads,
  scope: Scope,
  input: SearchInput,
): Promise<Page<OrgUnit>> {
  // The area first (a unit to search under must be in it), then the input.
  const under = input.underId ? await getOrgUnit(reads, scope, input.underId) : undefined;
  const first = checkPageSize(input.first);
  if (input.codePrefix !== undefined && !/^\d{1,12}$/.test(input.codePrefix)) {
    throw badInput(`codePrefix must be 1 to 12 digits; got "${input.codePrefix}".`, "codePrefix");
  }
  if (input.afterCode !== undefined) checkCodeFormat(input.afterCode, "after");
  const nameContains = input.nameContains?.trim();
  if (nameContains !== undefined && nameContains.length > 100) {
    throw badInput("nameContains may have at most 100 characters.", "nameContains");
  }
  return reads.search(
    {
      nameContains: nameContains || undefined,
      codePrefix: input.codePrefix,
      kinds: input.kinds?.length ? input.kinds : undefined,
      underPath: under?.path,
      parentId: input.parentId,
      includeInactive: input.includeInactive ?? false,
    },
    scope,
    { first, afterCode: input.afterCode },
  );
}
