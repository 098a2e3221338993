import {
  byKey,
  groupBy,
  isUuid,
  loadersPerRequest,
  unauthenticated,
  type GraphQLContext,
} from "@grassroots/kit";
import DataLoader from "dataloader";
import type { OrgUnit } from "../domain/org-unit";
import type { OrganizationServices, RegisterCountEntry } from "../domain/ports";
import type { Assessment, AssessmentItem, Standard } from "../domain/standardization";
import { readScope } from "./context";

/**
 * Per-request batching: each loader turns the many look-ups of one GraphQL request into one SQL query.
 * Kept in a WeakMap keyed by the request's context, so nothing outlives the request.
 */
export interface Loaders {
  /** Units in the caller's scope (null outside it). */
  unit: DataLoader<string, OrgUnit | null>;
  /** Federation references: same scoping, and the scope is looked up inside the same single query. */
  reference: DataLoader<string, OrgUnit | null>;
  registerHistory: DataLoader<string, RegisterCountEntry[]>;
  latestAssessment: DataLoader<string, Assessment | null>;
  assessmentItems: DataLoader<string, AssessmentItem[]>;
  standard: DataLoader<string, Standard | null>;
}

/** The request's loaders (created on first use, shared by every resolver of the request). */
export const loaders = loadersPerRequest(createLoaders);

function createLoaders(ctx: GraphQLContext, { units, standardization }: OrganizationServices): Loaders {
  return {
    unit: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      return byKey(ids, await units.byIds(valid, await readScope(ctx)), (u) => u.id);
    }),
    reference: new DataLoader(async (ids) => {
      if (!ctx.identity) throw unauthenticated();
      const valid = ids.filter(isUuid);
      return byKey(ids, await units.visibleToHomeUnit(valid, ctx.identity.orgUnitId), (u) => u.id);
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
