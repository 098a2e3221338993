import { StandardizationAssessed } from "@grassroots/events";
import type { Assessment } from "../domain/standardization";
import { outgoing } from "./outgoing-event";

/**
 * The assessment's state. Published when recorded and again when recognised (the contract carries
 * the recognition batch and year; consumers upsert by assessmentId).
 */
export const standardizationAssessed = (assessment: Assessment, orgUnitPath: string) =>
  outgoing(
    StandardizationAssessed,
    {
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
    },
    assessment.orgUnitId,
  );
