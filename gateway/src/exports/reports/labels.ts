// The API's enum values as the tables print them.

export const GenderLabel: Record<string, string> = { MALE: "男", FEMALE: "女" };
export const RoleLabel: Record<string, string> = { FULL_TIME: "专职", PART_TIME: "兼职", LIAISON: "联络员" };
export const EstablishmentLabel: Record<string, string> = {
  IN_ESTABLISHMENT: "在编",
  CONTRACT: "合同制",
  PUBLIC_WELFARE_POST: "公益性岗位",
};
export const AssignmentStatusLabel: Record<string, string> = {
  PENDING_TRAINING: "待岗前培训",
  ACTIVE: "在岗",
  ENDED: "已离岗",
};
export const TitleLabel: Record<string, string> = {
  JUNIOR: "初级",
  INTERMEDIATE: "中级",
  SENIOR: "副高级",
  PROFESSOR_LEVEL: "正高级",
};
export const RuleStatusLabel: Record<string, string> = {
  MET: "达标",
  NOT_MET: "未达标",
  NOT_APPLICABLE: "不适用",
  UNKNOWN: "未知",
};

export const label = (labels: Record<string, string>, value: string | null | undefined): string =>
  value == null ? "" : (labels[value] ?? value);
