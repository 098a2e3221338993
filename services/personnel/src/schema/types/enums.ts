import { registerEnumType } from "type-graphql";
import { ASSIGNMENT_STATUSES, ESTABLISHMENT_STATUSES, ROLES } from "../../domain/assignment";
import { FILING_CHANGES, FILING_ROUTES, FILING_STATUSES, FILING_STEPS } from "../../domain/filing";
import { GENDERS, PROFESSIONAL_TITLES } from "../../domain/statistician";

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const RoleEnum = enumOf(ROLES);
export const EstablishmentEnum = enumOf(ESTABLISHMENT_STATUSES);
export const AssignmentStatusEnum = enumOf(ASSIGNMENT_STATUSES);
export const FilingChangeEnum = enumOf(FILING_CHANGES);
export const FilingStatusEnum = enumOf(FILING_STATUSES);
export const FilingRouteEnum = enumOf(FILING_ROUTES);
export const FilingStepEnum = enumOf(FILING_STEPS);
export const GenderEnum = enumOf(GENDERS);
export const TitleEnum = enumOf(PROFESSIONAL_TITLES);

registerEnumType(RoleEnum, {
  name: "StatisticianRole",
  description: "专职 FULL_TIME, 兼职 PART_TIME, 统计联络员 LIAISON (villages and gachas only).",
});
registerEnumType(EstablishmentEnum, {
  name: "EstablishmentStatus",
  description: "在编在岗 IN_ESTABLISHMENT, 编外/聘用 CONTRACT, 公益性岗位 PUBLIC_WELFARE_POST.",
});
registerEnumType(AssignmentStatusEnum, {
  name: "AssignmentStatus",
  description: "PENDING_TRAINING until the person holds a pre-post training certificate (R7); ACTIVE; ENDED.",
});
registerEnumType(FilingChangeEnum, {
  name: "FilingChange",
  description: "The kind of staff change filed (R5).",
});
registerEnumType(FilingStatusEnum, {
  name: "FilingStatus",
  description: "R5: SUBMITTED → (FORWARDED →) FILED or RETURNED.",
});
registerEnumType(FilingRouteEnum, {
  name: "FilingRoute",
  description:
    "VIA_TOWNSHIP for village-level units (forwarded by the township), DIRECT for township level and parks.",
});
registerEnumType(FilingStepEnum, { name: "FilingStepName" });
registerEnumType(GenderEnum, {
  name: "Gender",
  description: "Read from the resident ID number (17th digit).",
});
registerEnumType(TitleEnum, { name: "ProfessionalTitle", description: "职称: 初级, 中级, 高级, 正高级." });
