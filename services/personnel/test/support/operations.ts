/** GraphQL documents shared by the tests. */

export const STATISTICIAN_FIELDS = `id name gender ethnicity idNumber birthDate phone personalDataMasked education title version isSample
  prePostGate { certified certificateId }`;

export const ASSIGNMENT_FIELDS = `id role establishment status startDate endDate endReason certificateId version orgUnit { id } statistician { id }`;

export const FILING_FIELDS = `id change route status version submittedOn submittedBy forwardedBy decidedBy returnReason dueOn overdue waitingFor
  orgUnit { id } banner { id } township { id } details { role previousRole establishment previousEstablishment effectiveDate reason fromOrgUnit { id } }
  steps { step fromStatus toStatus actor note }`;

export const CHANGE_FIELDS = `assignment { ${ASSIGNMENT_FIELDS} } previousAssignment { ${ASSIGNMENT_FIELDS} } filing { ${FILING_FIELDS} }`;

export const REGISTER = `mutation ($input: RegisterStatisticianInput!) { registerStatistician(input: $input) { ${STATISTICIAN_FIELDS} } }`;
export const UPDATE = `mutation ($input: UpdateStatisticianInput!) { updateStatistician(input: $input) { ${STATISTICIAN_FIELDS} } }`;
export const APPOINT = `mutation ($input: AppointStatisticianInput!) { appointStatistician(input: $input) { ${CHANGE_FIELDS} } }`;
export const TRANSFER = `mutation ($input: TransferStatisticianInput!) { transferStatistician(input: $input) { ${CHANGE_FIELDS} } }`;
export const CHANGE_ROLE = `mutation ($input: ChangeAssignmentRoleInput!) { changeAssignmentRole(input: $input) { ${CHANGE_FIELDS} } }`;
export const END = `mutation ($input: EndAssignmentInput!) { endAssignment(input: $input) { ${CHANGE_FIELDS} } }`;
export const FORWARD = `mutation ($input: FilingStepInput!) { forwardFiling(input: $input) { ${FILING_FIELDS} } }`;
export const FILE = `mutation ($input: FilingStepInput!) { fileFiling(input: $input) { ${FILING_FIELDS} } }`;
export const RETURN = `mutation ($input: ReturnFilingInput!) { returnFiling(input: $input) { ${FILING_FIELDS} } }`;
export const RESUBMIT = `mutation ($input: FilingStepInput!) { resubmitFiling(input: $input) { ${FILING_FIELDS} } }`;

export const STATISTICIAN = `query ($id: ID!) { statistician(id: $id) { ${STATISTICIAN_FIELDS} assignments { ${ASSIGNMENT_FIELDS} } } }`;

export const REQUIREMENT_FIELDS = `rule code applies met required actual reason`;
export const STAFFING = `query ($id: ID!) { staffing(orgUnitId: $id) { compliant requirements { ${REQUIREMENT_FIELDS} } gaps { code } counts { active pending } } }`;

export const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on OrgUnit { id staffing { compliant gaps { code } } statisticians(first: 5) { totalCount edges { node { id name } assignment { role status } } } }
    ... on Statistician { id name idNumber }
  } }`;
