import type { Gender } from "./resident-id";

export const PROFESSIONAL_TITLES = ["JUNIOR", "INTERMEDIATE", "SENIOR", "PROFESSOR_LEVEL"] as const;
export type ProfessionalTitle = (typeof PROFESSIONAL_TITLES)[number];
export const GENDERS: readonly Gender[] = ["MALE", "FEMALE"];
export type { Gender };

/** A statistician (统计人员): a person, whatever posts they hold. */
export interface Statistician {
  id: string;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  /** Resident ID number (身份证号), 18 characters, GB 11643 verified. Personal data. */
  idNumber: string;
  /** From the ID number. */
  birthDate: string;
  /** Personal data. */
  phone: string | null;
  education: string | null;
  title: ProfessionalTitle | null;
  notes: string | null;
  /** The unit that registered the person: with their posts, it decides who may see them. */
  registeredAtId: string;
  isSample: boolean;
  version: number;
  createdBy: string;
  /** The registering user's display name (null on rows written before names were kept). */
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewStatistician = Omit<Statistician, "version" | "createdAt" | "updatedAt">;

/** Fields a change may touch; the ID number (and so birth date and gender) never changes. */
export type StatisticianPatch = Partial<
  Pick<Statistician, "name" | "ethnicity" | "phone" | "education" | "title" | "notes">
>;

/** A completed pre-post training (岗前培训) as the training service announced it (R7). */
export interface PrePostCertificate {
  certificateId: string;
  certificateNumber: string;
  statisticianId: string;
  sessionId: string;
  completedOn: string;
}
