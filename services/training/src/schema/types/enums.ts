import { registerEnumType } from "type-graphql";
import {
  AUDIENCES,
  ENROLLMENT_STATUSES,
  RESULTS,
  SESSION_STATUSES,
  TRAINING_KINDS,
} from "../../domain/training";

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const TrainingKindEnum = enumOf(TRAINING_KINDS);
export const SessionStatusEnum = enumOf(SESSION_STATUSES);
export const AudienceEnum = enumOf(AUDIENCES);
export const EnrollmentStatusEnum = enumOf(ENROLLMENT_STATUSES);
export const ResultEnum = enumOf(RESULTS);

registerEnumType(TrainingKindEnum, {
  name: "TrainingKind",
  description:
    "COMPREHENSIVE business training (综合业务培训), PRE_POST training (岗前培训), SPECIALIZED training (专项业务培训).",
});
registerEnumType(SessionStatusEnum, {
  name: "TrainingSessionStatus",
  description:
    "PLANNED → OPEN (enrolment) → COMPLETED (took place; results recorded); PLANNED or OPEN → CANCELLED.",
});
registerEnumType(AudienceEnum, {
  name: "TrainingAudience",
  description:
    "BANNER_STAFF: banner and district statistics staff (trained by the city). GRASSROOTS_STAFF: a banner's grassroots staff.",
});
registerEnumType(EnrollmentStatusEnum, { name: "TrainingEnrollmentStatus" });
registerEnumType(ResultEnum, {
  name: "TrainingResult",
  description: "PASSED, FAILED (attended, did not pass) or ABSENT.",
});
