/** 八有八化 (R2) as data: versioned standards with their items, and township assessments. */

export const ITEM_GROUPS = ["HAVE", "IZATION"] as const;
export type ItemGroup = (typeof ITEM_GROUPS)[number];

export const ITEM_STATUSES = ["MET", "PARTLY_MET", "NOT_MET"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ASSESSMENT_RESULTS = ["STANDARDIZED", "NOT_STANDARDIZED"] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

export interface StandardItem {
  id: string;
  ordinal: number;
  group: ItemGroup;
  code: string;
  nameZh: string;
  nameEn: string;
  description: string | null;
}

export interface Standard {
  id: string;
  code: string;
  version: number;
  title: string;
  source: string;
  effectiveFrom: string;
  isSample: boolean;
  items: StandardItem[];
}

export type NewStandardItem = Omit<StandardItem, "id">;
export type NewStandard = Omit<Standard, "id" | "items"> & { items: NewStandardItem[] };

export interface AssessmentItem {
  itemId: string;
  itemCode: string;
  status: ItemStatus;
  evidence: string;
}

export interface Assessment {
  id: string;
  orgUnitId: string;
  standardId: string;
  standardCode: string;
  standardVersion: number;
  assessedOn: string;
  assessedBy: string;
  /** The assessor's display name beside the subject; null for assessments recorded before names were kept. */
  assessedByName: string | null;
  result: AssessmentResult;
  itemsMet: number;
  itemsTotal: number;
  recognitionBatch: number | null;
  recognitionYear: number | null;
  recognizedBy: string | null;
  recognizedByName: string | null;
  recognizedAt: Date | null;
  createdAt: Date;
}

export type NewAssessment = Omit<
  Assessment,
  "recognitionBatch" | "recognitionYear" | "recognizedBy" | "recognizedByName" | "recognizedAt" | "createdAt"
> & { items: AssessmentItem[] };
