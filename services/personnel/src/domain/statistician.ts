import type { ResidentIdGender as Gender } from "@grassroots/kit/validation";

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

/**
 * #10.1: a person reached by a federation reference from outside the caller's area (another service's
 * record names them: an enrolment, a certificate). A reference to someone who exists always resolves,
 * but only to their public identity — id and name; everything else (ID number, phone, birth date, where
 * they are registered or posted) is withheld — and `inYourArea: false`.
 */
export interface StatisticianPublicView {
  id: string;
  name: string;
  inYourArea: false;
}

/** What a Statistician resolves to: the full record (in the caller's area) or the public view. */
export type StatisticianView = Statistician | StatisticianPublicView;

export const isPublicView = (s: StatisticianView): s is StatisticianPublicView =>
  (s as Partial<StatisticianPublicView>).inYourArea === false;

/** The public view of a person: nothing but id and name is copied. */
export const publicViewOf = (s: Pick<Statistician, "id" | "name">): StatisticianPublicView => ({
  id: s.id,
  name: s.name,
  inYourArea: false,
});

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
