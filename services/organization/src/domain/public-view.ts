import type { OrgUnit } from "./org-unit";

/**
 * A unit reached by a federation reference from outside the caller's area (another subgraph's record
 * points at it: a city-run session's organizer, a filing's banner, where a person is registered).
 * Such a reference always resolves — a null for a non-null field would null the caller's whole
 * answer — but only to the unit's public identity: id, code, name, kind, depth, parent id and whether
 * it is active, which are public NBS division data. Everything about the unit's work is withheld:
 * register count, post, deactivation, parent, ancestors, children, history and assessments.
 *
 * Direct lookups (orgUnit, orgUnitByCode, orgUnits, parent) never give a public view: outside the
 * area they stay NOT_FOUND / null / absent.
 */
const PUBLIC_VIEW = Symbol("public view of an org unit");

type PublicView = OrgUnit & { readonly [PUBLIC_VIEW]: true };

export function publicView(unit: OrgUnit): OrgUnit {
  const view: PublicView = {
    ...unit,
    postEstablished: false,
    postEstablishedOn: null,
    registerCount: null,
    registerAsOf: null,
    deactivatedAt: null,
    deactivatedBy: null,
    deactivatedByName: null,
    deactivationReason: null,
    [PUBLIC_VIEW]: true,
  };
  return view;
}

/** True for a unit that was reached by reference from outside the caller's area. */
export const isPublicView = (unit: OrgUnit): boolean => PUBLIC_VIEW in unit;
