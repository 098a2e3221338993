import type { Commendation, CommendationQuota } from "../domain/commendation";
import { decimalOf } from "../domain/decimal";
import type { CommendationQuotaType, CommendationType } from "./types/commendation.type";

export const commendationView = (c: Commendation): CommendationType => ({
  id: c.id,
  year: c.year,
  kind: c.kind,
  banner: { id: c.bannerUnitId },
  unit: { id: c.nomineeUnitId },
  statistician: c.statisticianId ? { id: c.statisticianId } : null,
  assessmentId: c.assessmentId,
  citation: c.citation,
  status: c.status,
  rejectionReason: c.rejectionReason,
  publishedAt: c.publishedAt,
  version: c.version,
});

export const quotaView = (q: CommendationQuota): CommendationQuotaType => ({
  year: q.year,
  banner: { id: q.bannerUnitId },
  kind: q.kind,
  maxCount: q.maxCount,
  maxSharePercent: q.maxShare === null ? null : decimalOf(q.maxShare),
  version: q.version,
});
