import { z } from "zod";
import { isoDate, orgPath } from "./common";
import { defineEvent, type EventKey } from "./contract";

// Events of the evaluation service (R11–R13).

/** A score as a decimal string with exactly two decimals ("87.50"): never a float on the wire. */
export const decimalScore = z
  .string()
  .regex(/^\d{1,4}\.\d{2}$/, 'expected a score with two decimals, e.g. "87.50"');

/** Kafka key of assessment results: the assessing unit (the city for banners); its revisions keep their order. */
export const AssessmentOwnerKey: EventKey = {
  field: "ownerUnitId",
  means: "the id of the unit whose scheme assessed the subjects (the city for banners)",
};

/**
 * The results of one scheme's year, as published (R12): every subject's total score, rank (equal scores
 * share a rank) and grade. The finance service's award programme (R9) allocates by it. A correction after
 * publishing is a new revision: `revision` counts up from 1 and `supersedes` names the result set it
 * replaces, with the reason.
 */
export const AssessmentResultsPublished = defineEvent(
  "evaluation",
  "assessment-results",
  "published",
  "A scheme's yearly assessment was published: each subject's score, rank and grade (R12). " +
    "A correction is a new revision that names the result set it supersedes.",
  z.object({
    resultSetId: z.uuid(),
    schemeId: z.uuid(),
    schemeVersion: z.number().int().min(1),
    schemeName: z.string().min(1),
    ownerUnitId: z.uuid(),
    ownerUnitPath: orgPath,
    /** Kind of the assessed units: BANNER for the city's assessment of the banners. */
    subjectKind: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    revision: z.number().int().min(1),
    supersedes: z.uuid().nullable(),
    reason: z.string().nullable(),
    publishedAt: z.iso.datetime(),
    results: z
      .array(
        z.object({
          unitId: z.uuid(),
          unitPath: orgPath,
          unitName: z.string(),
          score: decimalScore,
          rank: z.number().int().min(1),
          /** The grade by the scheme's bands (优秀, 良好, 合格, 不合格), null when the scheme has none. */
          grade: z.string().nullable(),
        }),
      )
      .min(1),
  }),
  AssessmentOwnerKey,
);

/**
 * A new version of an assessment scheme (R12): a scheme in use is never edited, a change is the next
 * version. The indicators as defined, weights and bounds as decimal strings.
 */
export const AssessmentSchemeVersioned = defineEvent(
  "evaluation",
  "assessment-scheme",
  "versioned",
  "An assessment scheme was defined or given a new version (R12): its owner, year, the unit kinds it assesses, its indicators and weights.",
  z.object({
    schemeVersionId: z.uuid(),
    schemeId: z.uuid(),
    schemeVersion: z.number().int().min(1),
    schemeName: z.string().min(1),
    ownerUnitId: z.uuid(),
    ownerUnitPath: orgPath,
    year: z.number().int().min(2000).max(2100),
    subjectKinds: z.array(z.string().min(1)).min(1),
    cutOffDate: z.iso.date(),
    isSample: z.boolean(),
    indicators: z
      .array(
        z.object({
          code: z.string().min(1),
          name: z.string().min(1),
          weight: decimalScore,
          kind: z.enum(["MANUAL", "AUTO"]),
          /** The catalogue metric of an AUTO indicator; null for a MANUAL one. */
          metric: z.string().nullable(),
        }),
      )
      .min(1),
  }),
  AssessmentOwnerKey,
);

/** Kafka key of meeting and problem events: the holding unit (a banner or the city); its meetings keep their order. */
export const MeetingHolderKey: EventKey = {
  field: "holderUnitId",
  means: "the id of the banner or city whose government or bureau held the meeting",
};

/** A leadership work meeting was recorded with the problems it raised (R11). */
export const WorkMeetingRecorded = defineEvent(
  "evaluation",
  "work-meeting",
  "recorded",
  "A banner's or the city's government or bureau meeting was recorded (R11): kind, date, whether it studied grassroots statistics, the problems raised.",
  z.object({
    meetingId: z.uuid(),
    holderUnitId: z.uuid(),
    holderUnitPath: orgPath,
    meetingDate: isoDate,
    kind: z.enum(["EXECUTIVE", "SPECIAL", "BUREAU"]),
    studiedGrassrootsStatistics: z.boolean(),
    topics: z.array(z.string().min(1)).min(1),
    problemIds: z.array(z.uuid()),
  }),
  MeetingHolderKey,
);

/** A problem raised at a meeting changed status (R11): in progress, resolved, carried over, or found overdue. */
export const MeetingProblemStatusChanged = defineEvent(
  "evaluation",
  "meeting-problem",
  "status-changed",
  "A problem raised at a work meeting moved (OPEN → IN_PROGRESS → RESOLVED, or CARRIED_OVER to a later meeting) or became overdue (R11).",
  z.object({
    problemId: z.uuid(),
    meetingId: z.uuid(),
    holderUnitId: z.uuid(),
    responsibleUnitId: z.uuid(),
    status: z.enum(["OPEN", "IN_PROGRESS", "RESOLVED", "CARRIED_OVER"]),
    overdue: z.boolean(),
    dueDate: isoDate,
    /** The problem that continues it at a later meeting (CARRIED_OVER). */
    carriedToId: z.uuid().nullable(),
    version: z.number().int().min(1),
  }),
  MeetingHolderKey,
);

/** Kafka key of finding and rectification events: the unit responsible for rectifying; its findings keep their order. */
export const FindingResponsibleKey: EventKey = {
  field: "responsibleUnitId",
  means: "the id of the unit responsible for rectifying the finding",
};

/** One shape for a finding's steps (R13): raised, rectification submitted / accepted / rejected, overdue, escalated. */
const findingState = z.object({
  findingId: z.uuid(),
  inspectionId: z.uuid(),
  inspectionKind: z.enum(["GOVERNMENT_SUPERVISION", "BUSINESS_ASSESSMENT", "DAILY_SUPERVISION"]),
  inspectedUnitId: z.uuid(),
  responsibleUnitId: z.uuid(),
  responsibleUnitPath: orgPath,
  category: z.string().min(1),
  severity: z.enum(["MINOR", "MAJOR", "SERIOUS"]),
  /** The rule the finding concerns, if any ("R3.township-staffing"). */
  rule: z.string().nullable(),
  deadline: isoDate,
  status: z.enum(["OPEN", "SUBMITTED", "ACCEPTED"]),
  overdue: z.boolean(),
  escalated: z.boolean(),
  /** The level above the responsible unit, which an escalation goes to. */
  escalatedToUnitId: z.uuid().nullable(),
  /** A rejection's reason. */
  reason: z.string().nullable(),
  version: z.number().int().min(1),
});

const findingEvent = (entity: string, action: string, description: string) =>
  defineEvent("evaluation", entity, action, description, findingState, FindingResponsibleKey);

export const FindingRaised = findingEvent(
  "finding",
  "raised",
  "An inspection raised a finding with a rectification deadline and a responsible unit (R13).",
);
export const FindingOverdue = findingEvent(
  "finding",
  "overdue",
  "A finding passed its rectification deadline unrectified (R13).",
);
export const FindingEscalated = findingEvent(
  "finding",
  "escalated",
  "An overdue finding was escalated to the level above after the configured days (R13).",
);
export const RectificationSubmitted = findingEvent(
  "rectification",
  "submitted",
  "The responsible unit submitted what it did about a finding, with evidence (R13).",
);
export const RectificationAccepted = findingEvent(
  "rectification",
  "accepted",
  "The inspector accepted a rectification: the finding is closed (R13).",
);
export const RectificationRejected = findingEvent(
  "rectification",
  "rejected",
  "The inspector rejected a rectification with a reason: the finding is open again (R13).",
);

/** Kafka key of commendation events: the nominating banner. */
export const CommendationBannerKey: EventKey = {
  field: "bannerUnitId",
  means: "the id of the banner that nominated (its quota counts the commendation)",
};

/** The city approved a nomination for commendation (先进单位 UNIT / 先进个人 INDIVIDUAL), or published the year's (R12). */
const commendationState = z.object({
  commendationId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(["UNIT", "INDIVIDUAL"]),
  bannerUnitId: z.uuid(),
  nomineeUnitId: z.uuid(),
  /** The person commended (INDIVIDUAL): their id only, never personal data. */
  statisticianId: z.uuid().nullable(),
  status: z.enum(["APPROVED", "PUBLISHED"]),
});

export const CommendationApproved = defineEvent(
  "evaluation",
  "commendation",
  "approved",
  "The city approved a banner's nomination for commendation (R12).",
  commendationState,
  CommendationBannerKey,
);

export const CommendationPublished = defineEvent(
  "evaluation",
  "commendation",
  "published",
  "An approved commendation was published with the year's list (R12).",
  commendationState,
  CommendationBannerKey,
);

export const evaluationEvents = [
  CommendationApproved,
  CommendationPublished,
  FindingRaised,
  FindingOverdue,
  FindingEscalated,
  RectificationSubmitted,
  RectificationAccepted,
  RectificationRejected,
  AssessmentResultsPublished,
  AssessmentSchemeVersioned,
  WorkMeetingRecorded,
  MeetingProblemStatusChanged,
];
