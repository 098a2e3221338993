import { chinaDay } from "../ordos-suite";
import { YEAR } from "../year-steps";
import type { Area } from "./access-policy";
import type { Seeded, Seeds } from "./seed";

// How the matrix calls each query and each cross-service reference on a target, and how it tells
// whether data of the target came back (a leak when the table says it must not).

/** One call: the document, its variables, and whether the answer carries the target's data. */
export interface Probe {
  query: string;
  variables: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  carried: (data: any) => boolean;
  /** For references reached through other records: whether the path led to the entity at all. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  reached?: (data: any) => boolean;
}

/** The target of a case: its unit (id and code) and, for records, the record. */
export interface Aim {
  unitId: string;
  unitCode: string;
  record?: Seeded;
  area: Area;
  seeds: Seeds;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const present = (v: any): boolean =>
  v !== null &&
  v !== undefined &&
  (!Array.isArray(v) || v.length > 0) &&
  (typeof v !== "object" || !("edges" in v) || v.edges.length > 0);
/** The root field's answer carries something. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const root = (name: string) => (data: any) => present(data?.[name]);

const EDGES = "edges { node { id } }";
type QueryProbe = (aim: Aim) => Probe | undefined;
const byId =
  (name: string, fields = "id"): QueryProbe =>
  (a) =>
    a.record && {
      query: `query ($id: ID!) { ${name}(id: $id) { ${fields} } }`,
      variables: { id: a.record.id },
      carried: root(name),
    };
const byUnit =
  (name: string, arg: string, fields: string, extra = "", extraVars = {}): QueryProbe =>
  (a) => ({
    query: `query ($u: ID!${extra ? `, ${extra}` : ""}) { ${name}(${arg}: $u${
      extra ? `, ${extra.replace(/\$(\w+): \w+!?/g, "$1: $$$1")}` : ""
    }) { ${fields} } }`,
    variables: { u: a.unitId, ...extraVars },
    carried: root(name),
  });
const byFilter =
  (name: string, filterField: string, fields = EDGES): QueryProbe =>
  (a) => ({
    query: `query ($u: ID!) { ${name}(filter: { ${filterField}: $u }) { ${fields} } }`,
    variables: { u: a.unitId },
    carried: root(name),
  });
const plain =
  (name: string, fields: string, args = "", variables = {}): QueryProbe =>
  () => ({
    query: `query${args ? ` (${args})` : ""} { ${name}${
      args ? `(${args.replace(/\$(\w+): \w+!?/g, "$1: $$$1")})` : ""
    } { ${fields} } }`,
    variables,
    carried: root(name),
  });
const Y = { year: YEAR };

export const QUERY_PROBES: Record<string, QueryProbe> = {
  orgUnit: (a) => ({
    query: `query ($id: ID!) { orgUnit(id: $id) { id name } }`,
    variables: { id: a.unitId },
    carried: root("orgUnit"),
  }),
  orgUnitByCode: (a) => ({
    query: `query ($c: String!) { orgUnitByCode(code: $c) { id name } }`,
    variables: { c: a.unitCode },
    carried: root("orgUnitByCode"),
  }),
  orgUnits: byFilter("orgUnits", "underId"),
  postCoverage: byUnit("postCoverage", "bannerId", "banner { id } total"),
  standardizationSummary: byUnit("standardizationSummary", "bannerId", "banner { id } townships"),
  standardizationStandards: plain("standardizationStandards", "code"),
  statistician: byId("statistician", "id name"),
  statisticians: byFilter("statisticians", "orgUnitId"),
  filing: byId("filing", "id status"),
  filings: byFilter("filings", "orgUnitId"),
  overdueFilings: byUnit("overdueFilings", "bannerId", EDGES),
  staffing: byUnit("staffing", "orgUnitId", "compliant"),
  staffingGaps: byUnit("staffingGaps", "bannerId", "banner { id } unitsEvaluated"),
  trainingSession: byId("trainingSession", "id title"),
  trainingSessions: byFilter("trainingSessions", "organizerUnitId"),
  // the seed issues no certificate: every role may look one up, so no case runs
  trainingCertificate: () => undefined,
  trainingCoverage: byUnit(
    "trainingCoverage",
    "bannerId",
    "year banners { banner { id } }",
    "$year: Int!",
    Y,
  ),
  budgetLine: byId("budgetLine", "id amount"),
  budgetLines: byUnit("budgetLines", "ownerUnitId", EDGES, "$year: Int!", Y),
  budgetExecution: plain("budgetExecution", "unitId status", "$year: Int!", Y),
  awardProgrammes: plain("awardProgrammes", "id"),
  allocationRound: byId("allocationRound", "id"), // the seed opens no round: a role's refusal only
  subsidyClaims: byUnit(
    "subsidyClaims",
    "bannerUnitId",
    "id",
    "$period: String!",
    { period: chinaDay(-1).slice(0, 7) } /* the seed's claims */,
  ),
  complianceScorecard: byUnit("complianceScorecard", "unitId", "unit { unitCode }", "$year: Int!", Y),
  assessmentScheme: byId("assessmentScheme", "id name"),
  assessmentSchemes: byUnit("assessmentSchemes", "ownerUnitId", "id"),
  assessmentMetrics: plain("assessmentMetrics", "metric"),
  assessment: byId("assessment", "id status"),
  assessmentRanking: byUnit("assessmentRanking", "ownerUnitId", "id", "$year: Int!", Y),
  meetingSummary: byUnit("meetingSummary", "holderUnitId", "problemsRaised", "$year: Int!", Y),
  findings: byUnit("findings", "unitId", `totalCount ${EDGES}`),
};

/** What each reference field asks for (its arguments and a few fields). */
const REFERENCE_SELECTIONS: Record<string, string> = {
  "OrgUnit.scorecard": `scorecard(year: ${YEAR}) { score openFindings }`,
  "OrgUnit.assessments": "assessments { id }",
  "OrgUnit.assessmentMetrics": `assessmentMetrics(year: ${YEAR}) { __typename }`,
  "OrgUnit.meetings": `meetings(year: ${YEAR}) { id }`,
  "OrgUnit.inspections": "inspections { id }",
  "OrgUnit.commendations": "commendations { id }",
  "OrgUnit.budgetExecution": `budgetExecution(year: ${YEAR}) { status budgeted }`,
  "OrgUnit.awardAllocations": `awardAllocations(year: ${YEAR}) { __typename }`,
  "OrgUnit.subsidyStandard": "subsidyStandard { id }",
  "OrgUnit.statisticians": `statisticians(includePending: true) { totalCount ${EDGES} }`,
  "OrgUnit.staffing": "staffing { compliant }",
  "OrgUnit.trainingSessions": `trainingSessions { ${EDGES} }`,
  "OrgUnit.trainingCoverage": `trainingCoverage(year: ${YEAR}) { year }`,
  "Statistician.commendations": "commendations { id }",
  "Statistician.subsidyTasks": "subsidyTasks { id }",
  "Statistician.subsidyClaims": "subsidyClaims { id }",
  "Statistician.subsidyPayments": "subsidyPayments { __typename }",
  "Statistician.trainingRecords": "trainingRecords { id }",
  "Statistician.prePostTraining": "prePostTraining { completed }",
};
export const hasReferenceProbe = (operation: string) => operation in REFERENCE_SELECTIONS;

/** The seeded record of a kind at a unit. */
const recordAt = (seeds: Seeds, kind: keyof Seeds, unit: string) => seeds[kind]?.find((r) => r.unit === unit);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const enrolled = (data: any): any[] => data?.trainingSession?.enrollments ?? [];

/**
 * A reference field on the target, reached the way a client can: a unit or person in the area by its
 * lookup; a unit above as the organizer of its session (sessions of the bureaus above are read); a
 * person or unit of a sibling banner through the city's session's enrolments (the people of both
 * banners are enrolled) — `carried` then looks at that very entity.
 */
export function referenceProbe(operation: string, aim: Aim): Probe | undefined {
  const [type, field] = operation.split(".");
  const select = REFERENCE_SELECTIONS[operation];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const value = (entity: any) => present(entity?.[field]);
  const citySession = aim.seeds.session?.find((s) => s.unit === "150600000000");
  if (type === "OrgUnit") {
    if (aim.area === "own" || aim.area === "below")
      return {
        query: `query ($id: ID!) { orgUnit(id: $id) { id ${select} } }`,
        variables: { id: aim.unitId },
        carried: (d) => value(d?.orgUnit),
      };
    if (aim.area === "above") {
      const session = recordAt(aim.seeds, "session", aim.unitCode);
      return (
        session && {
          query: `query ($id: ID!) { trainingSession(id: $id) { organizer { id ${select} } } }`,
          variables: { id: session.id },
          carried: (d) => value(d?.trainingSession?.organizer),
          reached: (d) => !!d?.trainingSession?.organizer,
        }
      );
    }
    const person = aim.seeds.statistician?.find((p) => p.unit === aim.unitCode);
    return (
      person &&
      citySession && {
        query: `query ($id: ID!) { trainingSession(id: $id) { enrollments { statistician { id registeredAt { id ${select} } } } } }`,
        variables: { id: citySession.id },
        carried: (d) =>
          value(enrolled(d).find((e) => e.statistician?.id === person.id)?.statistician?.registeredAt),
        reached: (d) =>
          !!enrolled(d).find((e) => e.statistician?.id === person.id)?.statistician?.registeredAt,
      }
    );
  }
  const person = aim.record;
  if (!person) return undefined;
  if (aim.area === "own" || aim.area === "below")
    return {
      query: `query ($id: ID!) { statistician(id: $id) { id ${select} } }`,
      variables: { id: person.id },
      carried: (d) => value(d?.statistician),
    };
  return (
    citySession && {
      query: `query ($id: ID!) { trainingSession(id: $id) { enrollments { statistician { id ${select} } } } }`,
      variables: { id: citySession.id },
      carried: (d) => value(enrolled(d).find((e) => e.statistician?.id === person.id)?.statistician),
      reached: (d) => !!enrolled(d).find((e) => e.statistician?.id === person.id)?.statistician,
    }
  );
}
