import { SAMPLE_STANDARD } from "../../src/domain/seed/sample-data";

/** GraphQL documents shared by the tests. */

export const UNIT_FIELDS = `id code name kind depth parentId version active isSample registerCount registerAsOf
  statisticsPost { required established establishedOn }`;

export const CREATE = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { ${UNIT_FIELDS} } }`;
export const UPDATE = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { ${UNIT_FIELDS} } }`;
export const MOVE = `mutation ($input: MoveOrgUnitInput!) { moveOrgUnit(input: $input) { descendantsMoved unit { ${UNIT_FIELDS} } } }`;
export const DEACTIVATE = `mutation ($input: DeactivateOrgUnitInput!) { deactivateOrgUnit(input: $input) { ${UNIT_FIELDS} deactivationReason } }`;
export const SET_REGISTER = `mutation ($input: SetRegisterCountInput!) { setRegisterCount(input: $input) {
  ${UNIT_FIELDS} registerHistory { count asOf recordedBy } } }`;
export const UNIT_BY_CODE = `query ($code: String!) { orgUnitByCode(code: $code) { ${UNIT_FIELDS} } }`;
export const UNIT = `query ($id: ID!) { orgUnit(id: $id) { ${UNIT_FIELDS} } }`;

export const RECORD = `mutation ($input: RecordStandardizationAssessmentInput!) {
  recordStandardizationAssessment(input: $input) {
    id result itemsMet itemsTotal standardCode standardVersion recognitionBatch
    items { itemCode status evidence } standard { code version } orgUnit { code } } }`;
export const RECOGNIZE = `mutation ($input: RecognizeStandardizationInput!) {
  recognizeStandardization(input: $input) { id recognitionBatch recognitionYear } }`;

export const allMet = (evidence = "台账齐全") =>
  SAMPLE_STANDARD.items.map((i) => i.code).map((itemCode) => ({ itemCode, status: "MET", evidence }));
