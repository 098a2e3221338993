import { z } from "zod";
import { defineEvent, type EventKey } from "./contract";

// Events of the organization service. No personal data ever goes into event data.

export const OrgUnitKinds = [
  "CITY",
  "DISTRICT",
  "BANNER",
  "SUBDISTRICT",
  "TOWN",
  "TOWNSHIP",
  "SUMU",
  "PARK",
  "COMMUNITY",
  "VILLAGE",
  "GACHA",
] as const;

import { isoDate } from "./common";

/** Kafka key of OrgUnit events: the org unit's id. */
export const OrgUnitKey: EventKey = { field: "id", means: "the org unit's id" };
/** Kafka key of AssessedUnit events: the assessed unit's id (not the assessment's): a unit's assessments stay in order. */
export const AssessedUnitKey: EventKey = {
  field: "orgUnitId",
  means: "the assessed unit's id (not the assessment's): a unit's assessments stay in order",
};

/** The state of a unit that other services project: enough to scope, route and apply rules. */
export const orgUnitState = z.object({
  id: z.uuid(),
  code: z.string().regex(/^\d{12}$/),
  name: z.string().min(1),
  kind: z.enum(OrgUnitKinds),
  parentId: z.uuid().nullable(),
  /** Materialised path: ancestor ids and own id, each followed by "/". */
  path: z.string().min(1),
  postEstablished: z.boolean(),
  registerCount: z.number().int().min(0).nullable(),
  registerAsOf: isoDate.nullable(),
  active: z.boolean(),
  isSample: z.boolean(),
  version: z.number().int().min(1),
});

export const OrgUnitCreated = defineEvent(
  "organization",
  "org-unit",
  "created",
  "An org unit was created (by a clerk, an import or the seed).",
  orgUnitState,
  OrgUnitKey,
);

export const OrgUnitUpdated = defineEvent(
  "organization",
  "org-unit",
  "updated",
  "An org unit's name, kind or statistics-post flag changed; carries the full new state.",
  orgUnitState.extend({ changed: z.array(z.string()) }),
  OrgUnitKey,
);

export const OrgUnitMoved = defineEvent(
  "organization",
  "org-unit",
  "moved",
  "An org unit moved under a new parent; its code and path changed, and so did its descendants' (listed).",
  orgUnitState.extend({
    previousParentId: z.uuid().nullable(),
    previousCode: z.string(),
    previousPath: z.string(),
    descendantsMoved: z.number().int().min(0),
  }),
  OrgUnitKey,
);

export const OrgUnitDeactivated = defineEvent(
  "organization",
  "org-unit",
  "deactivated",
  "An org unit was deactivated (never deleted); carries who and why.",
  orgUnitState.extend({ reason: z.string(), deactivatedBy: z.string(), deactivatedOn: isoDate }),
  OrgUnitKey,
);

export const RegisterCountSet = defineEvent(
  "organization",
  "org-unit",
  "register-count-set",
  "The basic-unit register count (基本单位名录库) of a unit was recorded as of a date (drives R3).",
  orgUnitState.extend({ previousCount: z.number().int().min(0).nullable() }),
  OrgUnitKey,
);

export const OrgUnitStateRepublished = defineEvent(
  "organization",
  "org-unit",
  "state-republished",
  "A unit's current state, published again by an operator (republish-org-units) for a new or rebuilt projection; nothing changed.",
  orgUnitState,
  OrgUnitKey,
);

export const StandardizationAssessed = defineEvent(
  "organization",
  "standardization-assessment",
  "recorded",
  "A township's 八有八化 assessment was recorded against a standard version (R2).",
  z.object({
    assessmentId: z.uuid(),
    orgUnitId: z.uuid(),
    orgUnitPath: z.string(),
    standardCode: z.string(),
    standardVersion: z.number().int(),
    assessedOn: isoDate,
    result: z.enum(["STANDARDIZED", "NOT_STANDARDIZED"]),
    itemsMet: z.number().int().min(0),
    itemsTotal: z.number().int().min(1),
    recognitionBatch: z.number().int().nullable(),
    recognitionYear: z.number().int().nullable(),
  }),
  AssessedUnitKey,
);

export const organizationEvents = [
  OrgUnitCreated,
  OrgUnitUpdated,
  OrgUnitMoved,
  OrgUnitDeactivated,
  RegisterCountSet,
  OrgUnitStateRepublished,
  StandardizationAssessed,
];
