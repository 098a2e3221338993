import { randomUUID } from "node:crypto";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import { testIdNumber } from "@grassroots/testing";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { chinaDay as day } from "../ordos-suite";
import { YEAR } from "../year-steps";
import type { PolicyRow } from "./access-policy";
import type { Aim, Probe } from "./read-probes";

// Each mutation's input for a case: built from the schema's input type (every required field filled
// with a value of its type), the target put into the fields that name it, and for the commands that
// create something a wholly valid input, so that an allowed call goes through. Commands on an existing
// record send a stale expectedVersion: an allowed call then ends at the last check of the refusal order
// (CONFLICT, after role, area and input) and changes nothing the later cases read.

const STALE_VERSION = 999;
/** Input fields that name an org unit. */
const UNIT_FIELDS = [
  "parentId",
  "orgUnitId",
  "holderUnitId",
  "inspectedUnitId",
  "responsibleUnitId",
  "ownerUnitId",
  "bannerUnitId",
  "cityUnitId",
  "organizerUnitId",
  "unitId",
  "toOrgUnitId",
  "newParentId",
];
/** Input fields that name a record of each kind (`id` too, for the commands on that record). */
const RECORD_FIELDS: Record<string, string[]> = {
  unit: ["id"],
  statistician: ["statisticianId"],
  assignment: ["assignmentId"],
  filing: ["filingId"],
  session: ["sessionId"],
  budgetLine: ["lineId"],
  scheme: ["schemeVersionId"],
  problem: ["problemId"],
  finding: ["findingId"],
  assessment: ["assessmentId"],
  enrollment: ["enrollmentId"],
  // a single id stands for a list of one (GraphQL's input coercion)
  claim: ["claimId", "claimIds"],
};
const ID_FIELD_FOR: Record<string, string> = {
  updateStatistician: "statistician",
  openTrainingSession: "session",
  completeTrainingSession: "session",
  cancelTrainingSession: "session",
};

type Values = Record<string, unknown>;

function valueOf(name: string, type: GraphQLInputType, given: Values): unknown {
  if (name in given) return given[name];
  if (isNonNullType(type)) return valueOf(name, type.ofType, given);
  if (isListType(type)) return [valueOf(name, type.ofType, given)];
  const named = getNamedType(type);
  if (isInputObjectType(named)) return fill(Object.values(named.getFields()), given);
  if (isEnumType(named)) return named.getValues()[0].value;
  switch (named.name) {
    case "ID":
      return randomUUID();
    case "Int":
      return name === "expectedVersion" ? STALE_VERSION : /year/i.test(name) ? YEAR : 1;
    case "Float":
      return 1;
    case "Boolean":
      return false;
    case "LocalDate":
      return day();
    default:
      if (/date|On$|deadline/i.test(name)) return day();
      if (name === "period") return `${YEAR}-01`;
      if (name === "requestId") return randomUUID();
      if (/amount|rate|weight|score|cap|points|share/i.test(name)) return "100.00";
      return "矩阵核对";
  }
}

/** Every required field (and every field given) of an input object. */
function fill(fields: readonly (GraphQLInputField | GraphQLArgument)[], given: Values): Values {
  const out: Values = {};
  for (const f of fields)
    if (isNonNullType(f.type) || f.name in given) out[f.name] = valueOf(f.name, f.type, given);
  return out;
}

let serial = 0;
/** A unit below each aimed unit. */
const BELOW: Record<string, string> = {
  "150600000000": "150621000000",
  "150621000000": "150621100000",
  "150622000000": "150622100000",
  "150621100000": "150621100201",
};
/** Codes for new units below a parent, one level down, unused in the real tree. */
const childCode = (parent: string) => {
  serial += 1;
  if (parent.endsWith("00000000")) return { code: `1506${80 + (serial % 19)}000000`, kind: "BANNER" };
  if (parent.endsWith("000000")) return { code: `${parent.slice(0, 6)}${900 + serial}000`, kind: "TOWN" };
  return { code: `${parent.slice(0, 9)}${String(300 + serial).padStart(3, "0")}`, kind: "VILLAGE" };
};

/** Wholly valid inputs for the commands that create (the target's unit given). */
const VALID: Record<string, (unitId: string, unitCode: string, role: string) => Values> = {
  createOrgUnit: (unitId, code, role) => ({
    parentId: unitId,
    // a clerk creates villages: asking for one keeps the role check out of the way of the area's
    ...(role === "UNIT_CLERK"
      ? { code: `${code.slice(0, 9)}${String(300 + ++serial).padStart(3, "0")}`, kind: "VILLAGE" }
      : childCode(code)),
    name: "矩阵新单位",
  }),
  // a unit of the banner (the banner itself cannot be nominated): the access checks come first
  nominateForCommendation: (unitId, code) => ({
    bannerUnitId: unitId,
    kind: "UNIT",
    unitId: idOf(BELOW[code] ?? code),
    citation: "矩阵",
  }),
  registerStatistician: (unitId, code) => ({
    orgUnitId: unitId,
    name: "矩阵登记人",
    idNumber: testIdNumber(code.slice(0, 6), 100 + ++serial),
  }),
  planTrainingSession: (unitId) => ({
    organizerUnitId: unitId,
    kind: "PRE_POST",
    title: "矩阵培训",
    audience: "GRASSROOTS_STAFF",
    startDate: day(10),
    endDate: day(11),
    hours: 8,
    capacity: 10,
  }),
  createBudgetLine: (unitId) => ({
    fiscalYear: YEAR,
    ownerUnitId: unitId,
    purpose: "WORK_FUNDS",
    classificationCode: "2010505",
    documentTitle: "矩阵经费",
    documentNumber: `矩阵〔${YEAR}〕${++serial}号`,
    amount: "1000.00",
    schedule: { kind: "ONCE", dueDate: `${YEAR}-12-30` },
  }),
  recordWorkMeeting: (unitId) => ({
    holderUnitId: unitId,
    meetingDate: day(-2),
    kind: "BUREAU",
    chair: "局长",
    topics: ["基层统计"],
    studiedGrassrootsStatistics: true,
    problems: [{ description: "矩阵问题", responsibleUnitId: unitId, dueDate: day(30) }],
  }),
  recordInspection: (unitId) => ({
    inspectedUnitId: unitId,
    inspectionDate: day(-1),
    kind: "DAILY_SUPERVISION",
    inspector: "督查室",
    findings: [
      {
        category: "台账",
        severity: "MINOR",
        description: "矩阵发现",
        deadline: day(20),
        responsibleUnitId: unitId,
      },
    ],
  }),
  defineAssessmentScheme: (unitId, code) => ({
    ownerUnitId: unitId,
    name: `矩阵考核${++serial}`,
    year: YEAR + 1,
    subjectKinds: code.endsWith("00000000") ? ["BANNER"] : ["TOWN", "TOWNSHIP"],
    cutOffDate: `${YEAR + 1}-12-01`,
    indicators: [
      { code: "M1", name: "基础", weight: "100", kind: "MANUAL", maxScore: "100", guide: "按细则评分" },
    ],
    grades: [{ grade: "合格", minScore: "0" }],
  }),
};

/** The keys a refusal of this case names when it is about the target (its id, code or record id). */
export const targetKeys = (aim: Aim): string[] => [
  aim.unitId,
  aim.unitCode,
  ...(aim.record ? [aim.record.id, ...Object.values(aim.record.with ?? {})] : []),
];

/**
 * The call of a mutation for a case; undefined when the command needs a record the seed has not made
 * in that area (then the case is not run, and counted as such).
 */
export function mutationProbe(schema: GraphQLSchema, row: PolicyRow, aim: Aim | undefined, role = ""): Probe {
  const name = row.operation.slice("mutation.".length);
  const field = schema.getMutationType()!.getFields()[name];
  const given: Values = {};
  if (aim) {
    const unitId = aim.record ? idOf(aim.record.unit) : aim.unitId;
    for (const f of UNIT_FIELDS) given[f] = unitId;
    if (row.target === "unit") given.id = aim.unitId;
    if (aim.record) {
      for (const f of RECORD_FIELDS[row.target] ?? []) given[f] = aim.record.id;
      if (ID_FIELD_FOR[name] === row.target) given.id = aim.record.id;
      Object.assign(given, aim.record.with ?? {});
    }
    Object.assign(given, VALID[name]?.(unitId, aim.record?.unit ?? aim.unitCode, role) ?? {});
  }
  const args = field.args;
  const variables: Values = {};
  for (const a of args) {
    const type = getNamedType(a.type);
    variables[a.name] = isInputObjectType(type)
      ? fill(Object.values(type.getFields()), given)
      : valueOf(a.name, a.type, given);
  }
  const signature = args.map((a) => `$${a.name}: ${a.type}`).join(", ");
  const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const wrap = (s: string) => (s ? `(${s})` : "");
  const returned = getNamedType(field.type);
  const selection = "getFields" in returned ? "{ __typename }" : "";
  return {
    query: `mutation ${wrap(signature)} { ${name}${wrap(call)} ${selection} }`,
    variables,
    carried: (data) => data?.[name] !== null && data?.[name] !== undefined,
  };
}
