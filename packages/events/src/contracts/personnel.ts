import { z } from "zod";
import { isoDate, orgPath } from "./common";
import { defineEvent, type EventKey } from "./contract";

/** Kafka key of Assignment events: the post assignment's id. */
export const AssignmentKey: EventKey = { field: "assignmentId", means: "the post assignment's id" };
/** Kafka key of Filing events: the filing's id. */
export const FilingKey: EventKey = { field: "filingId", means: "the filing's id" };
/** Kafka key of StaffedUnit events: the id of the unit whose staffing result changed. */
export const StaffedUnitKey: EventKey = {
  field: "orgUnitId",
  means: "the id of the unit whose staffing result changed",
};
/** Kafka key of Statistician events: the statistician's id. */
export const StatisticianKey: EventKey = { field: "statisticianId", means: "the statistician's id" };

// Events of the personnel service. Resident ID numbers and phone numbers never appear here.

export const StatisticianRoles = ["FULL_TIME", "PART_TIME", "LIAISON"] as const;
export const EstablishmentStatuses = ["IN_ESTABLISHMENT", "CONTRACT", "PUBLIC_WELFARE_POST"] as const;
export const AssignmentStatuses = ["PENDING_TRAINING", "ACTIVE", "ENDED"] as const;
export const FilingChanges = ["APPOINTMENT", "TRANSFER", "ROLE_CHANGE", "DEPARTURE"] as const;

const statistician = z.object({
  statisticianId: z.uuid(),
  name: z.string().min(1),
  gender: z.string(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  title: z.enum(["JUNIOR", "INTERMEDIATE", "SENIOR", "PROFESSOR_LEVEL"]).nullable(),
  version: z.number().int().min(1),
});

export const StatisticianRegistered = defineEvent(
  "personnel",
  "statistician",
  "registered",
  "A statistician (a person) was registered. No ID number or phone: those stay in the personnel database.",
  statistician,
  StatisticianKey,
);

export const StatisticianUpdated = defineEvent(
  "personnel",
  "statistician",
  "updated",
  "A statistician's non-personal details changed; carries the new state and the changed field names.",
  statistician.extend({ changed: z.array(z.string()) }),
  StatisticianKey,
);

const assignment = z.object({
  assignmentId: z.uuid(),
  statisticianId: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitPath: orgPath,
  role: z.enum(StatisticianRoles),
  establishment: z.enum(EstablishmentStatuses),
  status: z.enum(AssignmentStatuses),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  version: z.number().int().min(1),
});

export const StatisticianStateRepublished = defineEvent(
  "personnel",
  "statistician",
  "state-republished",
  "A statistician's current state, published again by an operator (republish-staff) for a new or rebuilt projection; nothing changed.",
  statistician,
  StatisticianKey,
);

export const AssignmentStateRepublished = defineEvent(
  "personnel",
  "assignment",
  "state-republished",
  "A post assignment's current state, published again by an operator (republish-staff) for a new or rebuilt projection; nothing changed.",
  assignment,
  AssignmentKey,
);

export const AssignmentStarted = defineEvent(
  "personnel",
  "assignment",
  "started",
  "A statistician was appointed to a post at a unit; PENDING_TRAINING until pre-post training is completed (R7).",
  assignment,
  AssignmentKey,
);

export const AssignmentActivated = defineEvent(
  "personnel",
  "assignment",
  "activated",
  "An assignment became ACTIVE: the person holds a completed pre-post training (R7).",
  assignment.extend({ certificateId: z.uuid().nullable() }),
  AssignmentKey,
);

export const AssignmentChanged = defineEvent(
  "personnel",
  "assignment",
  "changed",
  "An assignment's role or establishment status changed (a ROLE_CHANGE).",
  assignment.extend({ changed: z.array(z.string()) }),
  AssignmentKey,
);

export const AssignmentEnded = defineEvent(
  "personnel",
  "assignment",
  "ended",
  "An assignment ended (departure or the old side of a transfer).",
  assignment.extend({ reason: z.string() }),
  AssignmentKey,
);

const filing = z.object({
  filingId: z.uuid(),
  change: z.enum(FilingChanges),
  statisticianId: z.uuid(),
  assignmentId: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitPath: orgPath,
  bannerId: z.uuid(),
  status: z.enum(["SUBMITTED", "FORWARDED", "FILED", "RETURNED"]),
  actor: z.string(),
  at: z.iso.datetime(),
  reason: z.string().nullable(),
});

export const FilingSubmitted = defineEvent(
  "personnel",
  "filing",
  "submitted",
  "A staff change was submitted for filing (R5).",
  filing,
  FilingKey,
);
export const FilingForwarded = defineEvent(
  "personnel",
  "filing",
  "forwarded",
  "A township confirmed a village-level filing and forwarded it to the banner bureau (R5).",
  filing,
  FilingKey,
);
export const FilingFiled = defineEvent(
  "personnel",
  "filing",
  "filed",
  "The banner bureau filed the change (R5).",
  filing,
  FilingKey,
);
export const FilingReturned = defineEvent(
  "personnel",
  "filing",
  "returned",
  "The filing was returned with a reason (R5).",
  filing,
  FilingKey,
);

export const StaffingComplianceChanged = defineEvent(
  "personnel",
  "staffing",
  "compliance-changed",
  "A unit became compliant or non-compliant with its staffing rules (R3, R4).",
  z.object({
    orgUnitId: z.uuid(),
    orgUnitPath: orgPath,
    compliant: z.boolean(),
    gaps: z.array(
      z.object({
        rule: z.string(),
        required: z.number().int(),
        actual: z.number().int(),
        reason: z.string(),
      }),
    ),
  }),
  StaffedUnitKey,
);

export const personnelEvents = [
  StatisticianRegistered,
  StatisticianUpdated,
  StatisticianStateRepublished,
  AssignmentStarted,
  AssignmentActivated,
  AssignmentChanged,
  AssignmentEnded,
  AssignmentStateRepublished,
  FilingSubmitted,
  FilingForwarded,
  FilingFiled,
  FilingReturned,
  StaffingComplianceChanged,
];
