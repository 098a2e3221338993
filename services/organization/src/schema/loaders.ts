import {
  byKey,
  groupBy,
  isUuid,
  loadersPerRequest,
  perArgument,
  readScope,
  unauthenticated,
  type GraphQLContext,
} from "@grassroots/kit";
import DataLoader from "dataloader";
import type { OrgUnit } from "../domain/org-unit";
import type { OrganizationServices, Page, RegisterCountEntry } from "../domain/ports";
import { publicView } from "../domain/public-view";
import type { Assessment, AssessmentItem, Standard } from "../domain/standardization";

/**
 * Per-request batching: each loader turns the many look-ups of one GraphQL request into one SQL query.
 * Kept in a WeakMap keyed by the request's context, so nothing outlives the request.
 */
export interface Loaders {
  /** Units in the caller's scope (null outside it). */
  unit: DataLoader<string, OrgUnit | null>;
  /**
   * Federation references: every existing unit resolves; one outside the caller's area as its public
   * view (domain/public-view.ts). The scope is looked up inside the same single query.
   */
  reference: DataLoader<string, OrgUnit | null>;
  registerHistory: DataLoader<string, RegisterCountEntry[]>;
  latestAssessment: DataLoader<string, Assessment | null>;
  assessmentItems: DataLoader<string, AssessmentItem[]>;
  standard: DataLoader<string, Standard | null>;
  /** First pages of children, by parent id, for one page size and activity filter (nested lists). */
  firstChildren(first: number, includeInactive: boolean): DataLoader<string, Page<OrgUnit>>;
}

/** The request's loaders (created on first use, shared by every resolver of the request). */
export const loaders = loadersPerRequest(createLoaders);

function createLoaders(ctx: GraphQLContext, { units, standardization }: OrganizationServices): Loaders {
  const childPages = perArgument(
    ({ first, includeInactive }: { first: number; includeInactive: boolean }) =>
      new DataLoader<string, Page<OrgUnit>>(async (parentIds) => {
        const pages = await units.firstChildPages(parentIds, await readScope(ctx), first, includeInactive);
        return parentIds.map((id) => pages.get(id)!);
      }),
  );
  return {
    firstChildren: (first, includeInactive) => childPages({ first, includeInactive }),
    unit: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      return byKey(ids, await units.byIds(valid, await readScope(ctx)), (u) => u.id);
    }),
    reference: new DataLoader(async (ids) => {
      if (!ctx.identity) throw unauthenticated();
      const valid = ids.filter(isUuid);
      const found = await units.referenced(valid, ctx.identity.orgUnitId);
      return byKey(
        ids,
        found.map(({ unit, inArea }) => (inArea ? unit : publicView(unit))),
        (u) => u.id,
      );
    }),
    registerHistory: new DataLoader(async (ids) =>
      groupBy(ids, await units.registerHistory(ids), (r) => r.orgUnitId),
    ),
    latestAssessment: new DataLoader(async (ids) =>
      byKey(ids, await standardization.latestAssessments(ids), (a) => a.orgUnitId),
    ),
    assessmentItems: new DataLoader(async (ids) =>
      groupBy(ids, await standardization.assessmentItems(ids), (i) => i.assessmentId),
    ),
    standard: new DataLoader(async (ids) =>
      byKey(ids, await standardization.standardsByIds(ids), (s) => s.id),
    ),
  };
}
