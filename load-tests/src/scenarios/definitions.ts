import type { Json } from "./template";

/**
 * THE scenario definitions: operations, variables, weights, thresholds. Both drivers read only this:
 * the Node runner (src/driver) imports it, the k6 scripts open its JSON export (k6/scenarios.json,
 * written by `pnpm --filter @grassroots/load-tests k6:export`; a test fails when the export is stale,
 * and another validates every operation against gateway/supergraph.graphql).
 */

export type Role = "CITY_ADMIN" | "BANNER_ADMIN" | "UNIT_CLERK" | "FINANCE_OFFICER" | "INSPECTOR";

export interface OperationDef {
  /** One named GraphQL operation (named like its key). */
  document: string;
  /** The subgraphs the gateway's plan calls (for the SQL attribution and the README). */
  subgraphs: string[];
}

export interface StepDef {
  operation: string;
  variables: Record<string, Json>;
  /** Values kept for the next steps of the iteration (or, in setup, for every iteration): name → path in `data`. */
  capture?: Record<string, string>;
  /** GraphQL error codes that are a clean outcome of this step (the conflicts a burst provokes). */
  acceptErrors?: string[];
}

export interface FlowDef {
  name: string;
  /** Relative frequency among the scenario's flows. */
  weight: number;
  steps: StepDef[];
}

export interface ScenarioDef {
  name: string;
  title: string;
  description: string;
  /** Who calls: a role at a home unit (a division code, or a template such as "${bannerCode}"). */
  identity: { role: Role; home: string };
  /**
   * Every request sends `Cache-Control: no-cache`: the gateway's response cache is bypassed, so the
   * figures are what an answer costs the subgraphs (as when a cached answer has just expired).
   */
  freshReads?: boolean;
  /** Closed-loop load: this many connections (k6 VUs) for this long, at most maxIterations flows. */
  load: { connections: number; durationSeconds: number; maxIterations?: number };
  /** Runs once before the load, in order; captures become fixtures of every iteration. */
  setup: StepDef[];
  flows: FlowDef[];
  thresholds: {
    /** Latency of every request of the scenario, ms. */
    p95Ms?: number;
    p99Ms?: number;
    /** HTTP status other than 200, or a GraphQL `errors` entry not accepted by the step. */
    maxErrorRate: number;
  };
  /**
   * The SQL check: the same operation at a small and a large list size must send the same number of
   * statements (no N+1). Variables here override the step's.
   */
  listSizes?: { operation: string; small: Record<string, Json>; large: Record<string, Json> }[];
  /**
   * The data-size check: the operation (a step of a flow, its variables) sends the same number of
   * statements at the seeded city and after the generator's growth (src/generate/growth.ts: more
   * lines in every budget, two more banners, more townships in the parameter banner).
   */
  dataSizes?: { operation: string }[];
  /** After the load: a check that no update was lost (the burst). */
  verify?: { operation: string; variables: Record<string, Json>; version: string; history: string };
}

/** Defaults of the parameters (k6: `-e cityCode=…`; Node runner: `--param cityCode=…`). */
export const PARAMS: Record<string, Json> = {
  /** 鄂尔多斯市 */
  cityCode: "150600000000",
  /** 达拉特旗: the banner of the clerk's mix (17 township-level units in the real tree). */
  bannerCode: "150621000000",
  /** 树林召镇, a township of 达拉特旗: the unit the write burst aims at. */
  burstUnitCode: "150621100000",
};

const STATISTICIAN_FIELDS = `
fragment FanOutStatistician on Statistician {
  id
  name
  registeredAt { id code name kind }
  assignments { status role startDate orgUnit { id code name kind } }
  trainingRecords { status result hoursAttended session { title kind endDate } }
  prePostTraining { completed completedOn }
}`;

export const OPERATIONS: Record<string, OperationDef> = {
  // ---- city dashboard (organization → personnel, training) ----
  CityDashboard: {
    subgraphs: ["organization", "personnel", "training"],
    document: `
query CityDashboard($city: String!, $year: Int!, $banners: Int!, $townships: Int!) {
  orgUnitByCode(code: $city) {
    id
    name
    children(first: $banners) {
      totalCount
      edges {
        node {
          id
          code
          name
          kind
          trainingCoverage(year: $year) { banners { staff attended rate ownSessionsCompleted } }
          children(first: $townships) {
            totalCount
            edges {
              node {
                id
                code
                name
                kind
                registerCount
                statisticsPost { established }
                staffing { compliant counts { active activeFullTimeInEstablishment pending } }
              }
            }
          }
        }
      }
    }
  }
  postCoverage { established total rate }
  trainingCoverage(year: $year) { cityObligationMet }
}`,
  },

  CityDashboardFlat: {
    subgraphs: ["organization", "personnel", "training"],
    document: `
query CityDashboardFlat($year: Int!, $townships: Int!) {
  postCoverage { banner { id code name } established total rate }
  trainingCoverage(year: $year) {
    cityObligationMet
    banners { banner { id } staff attended rate ownSessionsCompleted }
  }
  orgUnits(first: $townships, filter: { kinds: [SUBDISTRICT, TOWN, TOWNSHIP, SUMU, PARK] }) {
    totalCount
    edges {
      node {
        id
        code
        name
        kind
        parentId
        registerCount
        statisticsPost { established }
        staffing { compliant counts { active activeFullTimeInEstablishment pending } }
      }
    }
  }
}`,
  },

  // ---- banner clerk ----
  ClerkFixtures: {
    subgraphs: ["organization"],
    document: `
query ClerkFixtures($bannerCode: String!) {
  orgUnitByCode(code: $bannerCode) {
    id
    children(first: 200) { edges { node { id kind } } }
  }
}`,
  },
  ClerkSessions: {
    subgraphs: ["training"],
    document: `
query ClerkSessions($banner: ID!, $year: Int!) {
  trainingSessions(first: 1, filter: { organizerUnitId: $banner, statuses: [COMPLETED], kinds: [COMPREHENSIVE, SPECIALIZED], year: $year }) {
    edges { node { id hours enrollments { statisticianId } } }
  }
}`,
  },
  BannerFilings: {
    subgraphs: ["personnel", "organization"],
    document: `
query BannerFilings($banner: ID!, $first: Int!) {
  filings(first: $first, filter: { bannerId: $banner }) {
    totalCount
    edges {
      node {
        id
        change
        status
        submittedOn
        dueOn
        overdue
        waitingFor
        statistician { id name }
        orgUnit { id code name }
      }
    }
  }
}`,
  },
  BannerStaffingGaps: {
    subgraphs: ["personnel"],
    document: `
query BannerStaffingGaps($banner: ID!) {
  staffingGaps(bannerId: $banner) {
    unitsEvaluated
    compliantUnits
    units { unitCode unitName registerCount staffing { compliant gaps { code required actual } } }
  }
}`,
  },
  UnitStaff: {
    subgraphs: ["organization", "personnel", "training"],
    document: `
query UnitStaff($unit: ID!, $first: Int!) {
  orgUnit(id: $unit) {
    id
    code
    name
    registerCount
    staffing { compliant gaps { code reason } }
    statisticians(first: $first, includePending: true) {
      totalCount
      edges {
        assignment { id role status startDate }
        node { id name prePostTraining { completed completedOn } }
      }
    }
  }
}`,
  },
  BannerSessions: {
    subgraphs: ["training"],
    document: `
query BannerSessions($banner: ID!, $first: Int!) {
  trainingSessions(first: $first, filter: { organizerUnitId: $banner }) {
    totalCount
    edges { node { id title kind status startDate endDate enrolledCount placesLeft } }
  }
}`,
  },
  RegisterStatistician: {
    subgraphs: ["personnel"],
    document: `
mutation RegisterStatistician($input: RegisterStatisticianInput!) {
  registerStatistician(input: $input) { id version }
}`,
  },
  AppointStatistician: {
    subgraphs: ["personnel"],
    document: `
mutation AppointStatistician($input: AppointStatisticianInput!) {
  appointStatistician(input: $input) {
    assignment { id status }
    filing { id status route version }
  }
}`,
  },
  FileFiling: {
    subgraphs: ["personnel"],
    document: `
mutation FileFiling($input: FilingStepInput!) {
  fileFiling(input: $input) { id status version }
}`,
  },
  RecordAttendance: {
    subgraphs: ["training"],
    document: `
mutation RecordAttendance($input: RecordTrainingResultInput!) {
  recordTrainingResult(input: $input) { id result hoursAttended version }
}`,
  },

  // ---- entity fan-out (personnel → organization, training) ----
  FanOutCursor: {
    subgraphs: ["personnel"],
    document: `
query FanOutCursor($first: Int!, $after: String) {
  statisticians(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } }
}`,
  },
  FanOutPage: {
    subgraphs: ["personnel", "organization", "training"],
    document: `
query FanOutPage($first: Int!) {
  statisticians(first: $first) { edges { node { ...FanOutStatistician } } }
}
${STATISTICIAN_FIELDS}`,
  },
  FanOut500: {
    subgraphs: ["personnel", "organization", "training"],
    document: `
query FanOut500($after200: String!, $after400: String!) {
  first200: statisticians(first: 200) { edges { node { ...FanOutStatistician } } }
  next200: statisticians(first: 200, after: $after200) { edges { node { ...FanOutStatistician } } }
  last100: statisticians(first: 100, after: $after400) { edges { node { ...FanOutStatistician } } }
}
${STATISTICIAN_FIELDS}`,
  },

  // ---- write burst on one unit (organization) ----
  UnitVersion: {
    subgraphs: ["organization"],
    document: `
query UnitVersion($code: String!) {
  orgUnitByCode(code: $code) { id version registerCount }
}`,
  },
  SetRegisterCount: {
    subgraphs: ["organization"],
    document: `
mutation SetRegisterCount($input: SetRegisterCountInput!) {
  setRegisterCount(input: $input) { id version registerCount }
}`,
  },
  UnitHistory: {
    subgraphs: ["organization"],
    document: `
query UnitHistory($code: String!) {
  orgUnitByCode(code: $code) { id version registerHistory { count asOf } }
}`,
  },

  // ---- finance and evaluation (issue 13) ----
  CityBudgetExecution: {
    subgraphs: ["finance", "organization"],
    document: `
query CityBudgetExecution($year: Int!, $lines: Int!) {
  budgetExecution(year: $year) {
    unitId
    fiscalYear
    asOf
    status
    budgeted
    dueToDate
    paid
    paidOnTime
    executionRate
    onTimeRate
    reason
    items { lineId purpose seq dueDate amount paid status daysLate short reason }
  }
  budgetLines(year: $year, first: $lines) {
    edges {
      node {
        id
        ownerUnitId
        beneficiaryUnitId
        purpose
        amount
        scheduleKind
        instalments { seq dueDate amount paid status daysLate short }
      }
    }
  }
  orgUnits(first: 20, filter: { kinds: [CITY, BANNER, DISTRICT] }) { edges { node { id code name kind } } }
}`,
  },
  BannerScorecard: {
    subgraphs: ["evaluation"],
    document: `
query BannerScorecard($banner: ID!, $year: Int!) {
  complianceScorecard(unitId: $banner, year: $year) {
    year
    unit { ...ScorecardOfUnit }
    units { ...ScorecardOfUnit }
  }
}
fragment ScorecardOfUnit on UnitScorecard {
  unitName
  unitCode
  unitKind
  score
  openFindings
  overdueFindings
  rules { rule period status reason since weight figures { name value } }
}`,
  },

  // ---- gateway overhead: one subgraph only, sent to the gateway and straight to organization ----
  UnitsUnder: {
    subgraphs: ["organization"],
    document: `
query UnitsUnder($under: ID!, $first: Int!) {
  orgUnits(first: $first, filter: { underId: $under }) {
    totalCount
    edges { node { id code name kind registerCount statisticsPost { established } } }
  }
}`,
  },
  CityUnit: {
    subgraphs: ["organization"],
    document: `
query CityUnit($code: String!) {
  orgUnitByCode(code: $code) { id }
}`,
  },
};

/** The city dashboard's one flow: the same with and without the gateway's cache. */
const CITY_DASHBOARD_FLOWS: FlowDef[] = [
  {
    name: "dashboard",
    weight: 1,
    steps: [
      {
        operation: "CityDashboard",
        variables: { city: "${cityCode}", year: "${thisYear}", banners: 10, townships: 20 },
      },
    ],
  },
];

export const SCENARIOS: ScenarioDef[] = [
  {
    name: "city-dashboard",
    title: "City dashboard",
    description:
      "The city bureau's overview: every banner → its township-level units with R1 post, R3/R4 staffing " +
      "(personnel) and each banner's R6 training coverage (training), plus R1 and R6 city totals. One query, three subgraphs.",
    identity: { role: "CITY_ADMIN", home: "${cityCode}" },
    load: { connections: 50, durationSeconds: 30 },
    setup: [],
    flows: CITY_DASHBOARD_FLOWS,
    thresholds: { p95Ms: 150, maxErrorRate: 0 },
    listSizes: [
      {
        operation: "CityDashboard",
        small: { banners: 3, townships: 5 },
        large: { banners: 10, townships: 20 },
      },
    ],
  },
  {
    name: "city-dashboard-fresh",
    title: "City dashboard, past the cache",
    description:
      "The city dashboard query with `Cache-Control: no-cache` on every request: each answer is computed by the three " +
      "subgraphs, as when the gateway's cached answer has just expired. What the cache saves; a floor, not the target.",
    identity: { role: "CITY_ADMIN", home: "${cityCode}" },
    freshReads: true,
    load: { connections: 50, durationSeconds: 30 },
    setup: [],
    flows: CITY_DASHBOARD_FLOWS,
    thresholds: { p95Ms: 3000, maxErrorRate: 0 },
  },
  {
    name: "city-dashboard-flat",
    title: "City dashboard, flat",
    description:
      "The same figures from the API's report queries: R1 `postCoverage` and R6 `trainingCoverage` per banner (one statement " +
      "for all banners), and every township-level unit in one `orgUnits` page with its R3/R4 staffing (personnel `_entities`); " +
      "the client groups townships by parentId. What a dashboard can send today to avoid the nested form's per-banner queries.",
    identity: { role: "CITY_ADMIN", home: "${cityCode}" },
    load: { connections: 50, durationSeconds: 30 },
    setup: [],
    flows: [
      {
        name: "dashboard",
        weight: 1,
        steps: [{ operation: "CityDashboardFlat", variables: { year: "${thisYear}", townships: 100 } }],
      },
    ],
    thresholds: { p95Ms: 150, maxErrorRate: 0 },
    listSizes: [{ operation: "CityDashboardFlat", small: { townships: 10 }, large: { townships: 100 } }],
  },
  {
    name: "banner-clerk",
    title: "Banner clerk's day",
    description:
      "A banner bureau clerk (BANNER_ADMIN of 达拉特旗): reads filings, staffing gaps, a township's staff with their " +
      "pre-post training, the banner's sessions; registers and appoints a person to a township and files the APPOINTMENT " +
      "(R5); records attendance at a completed session.",
    identity: { role: "BANNER_ADMIN", home: "${bannerCode}" },
    load: { connections: 10, durationSeconds: 30 },
    setup: [
      {
        operation: "ClerkFixtures",
        variables: { bannerCode: "${bannerCode}" },
        capture: { bannerId: "orgUnitByCode.id", townshipIds: "orgUnitByCode.children.edges[*].node.id" },
      },
      {
        operation: "ClerkSessions",
        variables: { banner: "${bannerId}", year: "${thisYear}" },
        capture: {
          sessionId: "trainingSessions.edges[0].node.id",
          attendees: "trainingSessions.edges[0].node.enrollments[*].statisticianId",
        },
      },
    ],
    flows: [
      {
        name: "filings",
        weight: 25,
        steps: [{ operation: "BannerFilings", variables: { banner: "${bannerId}", first: 20 } }],
      },
      {
        name: "staffing-gaps",
        weight: 10,
        steps: [{ operation: "BannerStaffingGaps", variables: { banner: "${bannerId}" } }],
      },
      {
        name: "unit-staff",
        weight: 25,
        steps: [{ operation: "UnitStaff", variables: { unit: "${pick:townshipIds}", first: 20 } }],
      },
      {
        name: "sessions",
        weight: 10,
        steps: [{ operation: "BannerSessions", variables: { banner: "${bannerId}", first: 20 } }],
      },
      {
        name: "appoint-and-file",
        weight: 10,
        steps: [
          {
            operation: "RegisterStatistician",
            variables: {
              input: {
                requestId: "${uuid}",
                orgUnitId: "${pick:townshipIds}",
                name: "压测统计员${int:1000:9999}",
                idNumber: "${idNumber:bannerCode}",
                notes: "load test",
              },
            },
            capture: { personId: "registerStatistician.id" },
          },
          {
            operation: "AppointStatistician",
            variables: {
              input: {
                requestId: "${uuid}",
                statisticianId: "${personId}",
                orgUnitId: "${pick:townshipIds}",
                role: "PART_TIME",
                establishment: "${oneOf:CONTRACT|PUBLIC_WELFARE_POST}",
                startDate: "${today}",
              },
            },
            capture: {
              filingId: "appointStatistician.filing.id",
              filingVersion: "appointStatistician.filing.version",
            },
          },
          {
            operation: "FileFiling",
            variables: {
              input: { requestId: "${uuid}", filingId: "${filingId}", expectedVersion: "${filingVersion}" },
            },
          },
        ],
      },
      {
        name: "attendance",
        weight: 20,
        steps: [
          {
            operation: "RecordAttendance",
            variables: {
              input: {
                sessionId: "${sessionId}",
                statisticianId: "${pick:attendees}",
                hoursAttended: "${int:1:6}",
                result: "${oneOf:PASSED|PASSED|PASSED|FAILED}",
              },
            },
          },
        ],
      },
    ],
    thresholds: { p95Ms: 300, maxErrorRate: 0.01 },
    listSizes: [
      { operation: "BannerFilings", small: { first: 10 }, large: { first: 100 } },
      { operation: "UnitStaff", small: { first: 10 }, large: { first: 100 } },
      { operation: "BannerSessions", small: { first: 10 }, large: { first: 100 } },
    ],
  },
  {
    name: "entity-fan-out",
    title: "Entity fan-out (500 statisticians)",
    description:
      "One query for 500 statisticians (personnel, three pages as aliases) with their registering unit and posts' units " +
      "(organization `_entities`) and training records and pre-post status (training `_entities`).",
    identity: { role: "CITY_ADMIN", home: "${cityCode}" },
    load: { connections: 4, durationSeconds: 30 },
    setup: [
      {
        operation: "FanOutCursor",
        variables: { first: 200 },
        capture: { after200: "statisticians.pageInfo.endCursor" },
      },
      {
        operation: "FanOutCursor",
        variables: { first: 200, after: "${after200}" },
        capture: { after400: "statisticians.pageInfo.endCursor" },
      },
    ],
    flows: [
      {
        name: "fan-out-500",
        weight: 1,
        steps: [{ operation: "FanOut500", variables: { after200: "${after200}", after400: "${after400}" } }],
      },
    ],
    thresholds: { p95Ms: 2000, maxErrorRate: 0 },
    listSizes: [{ operation: "FanOutPage", small: { first: 10 }, large: { first: 100 } }],
  },
  {
    name: "unit-write-burst",
    title: "Concurrent writes to one unit",
    description:
      "20 connections read a township's version and set its register count with it (setRegisterCount, expectedVersion): " +
      "losers must get CONFLICT, and the version must rise by exactly the number of accepted writes and of history entries " +
      "(no lost update).",
    identity: { role: "CITY_ADMIN", home: "${cityCode}" },
    load: { connections: 20, durationSeconds: 20, maxIterations: 400 },
    setup: [],
    flows: [
      {
        name: "read-then-write",
        weight: 1,
        steps: [
          {
            operation: "UnitVersion",
            variables: { code: "${burstUnitCode}" },
            capture: { unitId: "orgUnitByCode.id", version: "orgUnitByCode.version" },
          },
          {
            operation: "SetRegisterCount",
            variables: {
              input: {
                id: "${unitId}",
                expectedVersion: "${version}",
                count: "${int:300:2599}",
                asOf: "${today}",
              },
            },
            acceptErrors: ["CONFLICT"],
          },
        ],
      },
    ],
    thresholds: { p95Ms: 500, maxErrorRate: 0 },
    verify: {
      operation: "UnitHistory",
      variables: { code: "${burstUnitCode}" },
      version: "orgUnitByCode.version",
      history: "orgUnitByCode.registerHistory",
    },
  },
  {
    name: "city-budget-execution",
    title: "City budget execution",
    description:
      "The city bureau's R8 table for the year: `budgetExecution(year)` of the city and every banner (budgeted, due, paid, " +
      "paid on time, rates, each instalment paid late, short or not at all), the year's lines with their schedules as of " +
      "today (`budgetLines`), and the units' names and codes from organization (`orgUnits`) to join on `unitId`.",
    identity: { role: "CITY_ADMIN", home: "${cityCode}" },
    load: { connections: 10, durationSeconds: 30 },
    setup: [],
    flows: [
      {
        name: "budget-execution",
        weight: 1,
        steps: [{ operation: "CityBudgetExecution", variables: { year: "${thisYear}", lines: 40 } }],
      },
    ],
    thresholds: { p95Ms: 300, maxErrorRate: 0 },
    listSizes: [{ operation: "CityBudgetExecution", small: { lines: 10 }, large: { lines: 40 } }],
    dataSizes: [{ operation: "CityBudgetExecution" }],
  },
  {
    name: "banner-scorecard",
    title: "Banner compliance scorecard",
    description:
      "达拉特旗's bureau reads its R13 compliance picture for the year: `complianceScorecard(unitId, year)` with the banner's " +
      "and every active unit's below it, each rule's status, figures, reason, since and weight, open and overdue findings.",
    identity: { role: "BANNER_ADMIN", home: "${bannerCode}" },
    load: { connections: 10, durationSeconds: 30 },
    setup: [
      {
        operation: "CityUnit",
        variables: { code: "${bannerCode}" },
        capture: { bannerId: "orgUnitByCode.id" },
      },
    ],
    flows: [
      {
        name: "scorecard",
        weight: 1,
        steps: [{ operation: "BannerScorecard", variables: { banner: "${bannerId}", year: "${thisYear}" } }],
      },
    ],
    thresholds: { p95Ms: 500, maxErrorRate: 0 },
    dataSizes: [{ operation: "BannerScorecard" }],
  },
];

/** Gateway overhead: the same organization-only query through the gateway and straight to the subgraph. */
export const OVERHEAD = {
  operation: "UnitsUnder",
  subgraph: "organization",
  identity: { role: "CITY_ADMIN" as Role, home: "${cityCode}" },
  setup: [
    { operation: "CityUnit", variables: { code: "${bannerCode}" }, capture: { under: "orgUnitByCode.id" } },
  ] as StepDef[],
  variables: { under: "${under}", first: 20 } as Record<string, Json>,
  connections: 20,
  durationSeconds: 15,
  listSizes: { small: { first: 10 }, large: { first: 100 } },
};

/** The targets, checked by the benchmark (not timed tests). */
export const TARGETS = {
  dashboardP95Ms: 150,
  dashboardConnections: 50,
  gatewayThroughputRatio: 0.5,
  eventLatencyP95Ms: 500,
  eventRatePerSecond: 200,
  maxRssMb: 300,
};

export interface Definitions {
  params: typeof PARAMS;
  operations: typeof OPERATIONS;
  scenarios: ScenarioDef[];
  overhead: typeof OVERHEAD;
  targets: typeof TARGETS;
}

export const DEFINITIONS: Definitions = {
  params: PARAMS,
  operations: OPERATIONS,
  scenarios: SCENARIOS,
  overhead: OVERHEAD,
  targets: TARGETS,
};
