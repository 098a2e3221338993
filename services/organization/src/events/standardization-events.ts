import type { EventData, StandardizationAssessed } from "@grassroots/events/contracts";
import type { Assessment } from "../domain/standardization";

/**
 * The assessment's state as StandardizationAssessed data. Published when recorded and again when
 * recognised (the contract carries the recognition batch and year; consumers upsert by assessmentId);
 * the Kafka key is the assessed unit's id, so a unit's assessments stay in order.
 */
export const standardizationAssessedData = (
  assessment: Assessment,
  orgUnitPath: string,
): EventData<typeof StandardizationAssessed> => ({
  assessmentId: assessment.id,
  orgUnitId: assessment.orgUnitId,
  orgUnitPath,
  standardCode: assessment.standardCode,
  standardVersion: assessment.standardVersion,
  assessedOn: assessment.assessedOn,
  result: assessment.result,
  itemsMet: assessment.itemsMet,
  itemsTotal: assessment.itemsTotal,
  recognitionBatch: assessment.recognitionBatch,
  recognitionYear: assessment.recognitionYear,
});
