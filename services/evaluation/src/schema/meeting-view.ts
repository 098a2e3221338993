import { isOverdue, type Problem, type WorkMeeting } from "../domain/meeting";
import type { MeetingProblemType, WorkMeetingType } from "./types/meeting.type";

export const meetingView = (m: WorkMeeting): WorkMeetingType => ({
  id: m.id,
  holder: { id: m.holderUnitId },
  meetingDate: m.meetingDate,
  kind: m.kind,
  chair: m.chair,
  topics: m.topics,
  studiedGrassrootsStatistics: m.studiedGrassrootsStatistics,
  minutesRef: m.minutesRef,
  recordedByName: m.recordedByName,
  version: m.version,
});

export const problemView = (p: Problem, today: string): MeetingProblemType => ({
  id: p.id,
  meetingId: p.meetingId,
  description: p.description,
  responsibleUnit: { id: p.responsibleUnitId },
  responsiblePerson: p.responsiblePerson,
  dueDate: p.dueDate,
  status: p.status,
  overdue: isOverdue(p, today),
  resolution: p.resolution,
  evidence: p.evidence,
  resolvedOn: p.resolvedOn,
  carriedFromId: p.carriedFromId,
  carriedToId: p.carriedToId,
  version: p.version,
});
