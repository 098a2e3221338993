/** The GraphQL operations the tests send (as a client would). */

export const LINE_FIELDS = `id fiscalYear level ownerUnitId purpose purposeName beneficiaryUnitId amount amountInCapitals
  scheduleKind revision revisionReason version documentNumber
  instalments { seq dueDate amount paid status daysLate short }`;

export const CREATE_LINE = `mutation($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) { ${LINE_FIELDS} } }`;
export const REVISE_LINE = `mutation($input: ReviseBudgetLineInput!) { reviseBudgetLine(input: $input) { ${LINE_FIELDS} } }`;
export const DISBURSE = `mutation($input: RecordDisbursementInput!) {
  recordDisbursement(input: $input) { id lineId instalmentSeq kind amount amountInCapitals paidOn voucherNumber reversesId overBudgetDocument recordedBy } }`;
export const REVERSE = `mutation($input: ReverseDisbursementInput!) {
  reverseDisbursement(input: $input) { id kind amount reversesId reason } }`;
export const CLOSE_YEAR = `mutation($input: CloseFiscalYearInput!) { closeFiscalYear(input: $input) { ownerUnitId fiscalYear } }`;
export const REPUBLISH = `mutation { republishFinanceRuleStatuses }`;
export const LINE = `query($id: ID!) { budgetLine(id: $id) { ${LINE_FIELDS}
  revisions { revision revisesRevision amount reason }
  disbursements { id kind amount paidOn reversesId } } }`;
export const LINES = `query($year: Int!, $first: Int, $after: String) {
  budgetLines(year: $year, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id instalments { seq status } disbursements { id } } } } }`;
export const EXECUTION_FIELDS = `unitId fiscalYear asOf status budgeted dueToDate paid paidOnTime executionRate onTimeRate reason
  items { lineId purpose seq dueDate amount paid status daysLate short reason }`;
export const EXECUTION = `query($year: Int!) { budgetExecution(year: $year) { ${EXECUTION_FIELDS} } }`;
export const UNIT_EXECUTION = `query($reps: [_Any!]!, $year: Int!) {
  _entities(representations: $reps) { ... on OrgUnit { id budgetExecution(year: $year) { ${EXECUTION_FIELDS} } } } }`;
