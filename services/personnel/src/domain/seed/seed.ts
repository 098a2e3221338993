import { systemPolicy } from "../access-policy";
import { appointStatisticianIn } from "../commands/appoint-statistician";
import { endAssignmentIn } from "../commands/end-assignment";
import { takeFilingStepIn } from "../commands/filing-step";
import { registerStatisticianIn } from "../commands/register-statistician";
import type { Filing } from "../filing";
import { TRANSITIONS } from "../../rules/r5-level-by-level-filing";
import type { Clock, PersonnelServices, Transaction } from "../ports";
import { applyPrePostCertificate } from "../reactions/pre-post-certificate";
import { STAFFED_KINDS } from "../staffing";
import { addDays } from "../values";
import { sampleUuid, samplePeople, stableFraction, type SamplePerson } from "./sample-staff";

export interface SeedReport {
  units: number;
  /** Sample people the units call for. */
  people: number;
  /** People a previous run had already seeded (skipped, whatever users did with them since). */
  alreadyThere: number;
  /** People not seeded because someone else already registered their invented ID number. */
  idNumberTaken: number;
  pendingTraining: number;
  former: number;
}

const ACTOR = "seed";

/** A clock standing on a business date (so filings carry a plausible submission date, all filed). */
const clockAt = (date: string): Clock => ({
  today: () => date,
  now: () => new Date(`${date}T09:00:00+08:00`),
});

/** The sample people grouped by unit, in code order (Map keeps the order people come in). */
export function peopleByUnit(people: readonly SamplePerson[]): Map<string, SamplePerson[]> {
  const byUnit = new Map<string, SamplePerson[]>();
  for (const person of people) {
    const group = byUnit.get(person.unit.id);
    if (group) group.push(person);
    else byUnit.set(person.unit.id, [person]);
  }
  return byUnit;
}

/** The request id under which the seed registers a sample person: its mark that the person is there. */
export const registerKey = (person: SamplePerson) => `seed:register:${person.key}`;

/**
 * Sample staff for every active unit of the projection, through the same commands (rules, filings,
 * events) as the API and the same R7 reaction as training's events. One transaction per unit, so a
 * unit's people are all there or not at all.
 *
 * Safe to run again over a database that units and users have changed since: each unit's people depend
 * on that unit alone (see sample-staff.ts), a person whose registration key the seed already used is
 * skipped whatever became of them (transferred, ended, edited: users' changes stay), a person whose
 * invented ID number someone else holds is skipped, and only the missing people of each unit are created.
 */
export async function seedStaff(
  services: PersonnelServices,
  onProgress?: (done: number, total: number) => void,
): Promise<SeedReport> {
  const units = await services.units.projectedUnits();
  const staffed = units.filter((u) => u.active && STAFFED_KINDS.includes(u.kind));
  const people = samplePeople(staffed);
  const byUnit = peopleByUnit(people);

  let done = 0;
  let skipped = 0;
  let taken = 0;
  for (const group of byUnit.values()) {
    await services.uow.run(async (tx) => {
      const seeded = await tx.idempotency.used(group.map(registerKey));
      for (const person of group) {
        if (seeded.has(registerKey(person))) skipped++;
        else if (await tx.statisticians.idNumberHolder(person.idNumber)) taken++;
        else await seedPerson(tx, services, person);
      }
    });
    done += group.length;
    onProgress?.(done, people.length);
  }
  return seedReport(staffed.length, people, skipped, taken);
}

export const seedReport = (
  units: number,
  people: readonly SamplePerson[],
  alreadyThere: number,
  idNumberTaken: number,
): SeedReport => ({
  units,
  people: people.length,
  alreadyThere,
  idNumberTaken,
  pendingTraining: people.filter((p) => p.trainedOn === null).length,
  former: people.filter((p) => p.post.endDate).length,
});

export async function seedPerson(
  tx: Transaction,
  { settings }: PersonnelServices,
  person: SamplePerson,
): Promise<void> {
  const policy = systemPolicy(ACTOR);
  const { post, unit } = person;
  const at = (date: string) => clockAt(addDays(date, 2));
  const statistician = await registerStatisticianIn(tx, policy, at(post.startDate), {
    requestId: registerKey(person),
    orgUnitId: unit.id,
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    ethnicity: person.ethnicity,
    education: person.education,
    title: person.title,
    notes: "样例数据 (sample data)",
    isSample: true,
  });
  const certify = (on: string) =>
    applyPrePostCertificate(
      tx,
      clockAt(on),
      settings,
      {
        certificateId: sampleUuid(`certificate:${person.key}`),
        certificateNumber: `SAMPLE-PP-${String(person.index).padStart(8, "0")}`,
        statisticianId: statistician.id,
        sessionId: sampleUuid(`session:${regionOfKey(person)}:${on.slice(0, 4)}`),
        completedOn: on,
      },
      true,
    );
  if (person.trainedOn && person.trainedOn <= post.startDate) await certify(person.trainedOn);
  const appointed = await appointStatisticianIn(tx, policy, at(post.startDate), settings, {
    requestId: `seed:appoint:${person.key}`,
    statisticianId: statistician.id,
    orgUnitId: unit.id,
    role: post.role,
    establishment: post.establishment,
    startDate: post.startDate,
  });
  // A few appointments the banner never filed: their units show R5 NOT_MET (a realistic gap).
  if (post.endDate || stableFraction(`unfiled:${person.key}`) >= UNFILED_SHARE)
    await fileAll(tx, appointed.filing, person, "appoint", at(post.startDate));
  if (person.trainedOn && person.trainedOn > post.startDate) await certify(person.trainedOn);
  if (post.endDate) {
    const ended = await endAssignmentIn(tx, policy, at(post.endDate), settings, {
      requestId: `seed:end:${person.key}`,
      assignmentId: appointed.assignment.id,
      expectedVersion: (await tx.assignments.get(appointed.assignment.id))!.version,
      endDate: post.endDate,
      reason: "样例：调离统计岗位 (sample departure)",
    });
    await fileAll(tx, ended.filing, person, "end", at(post.endDate));
  }
}

/** The share of current posts whose appointment filing the seed leaves SUBMITTED (overdue). */
export const UNFILED_SHARE = 0.02;

const regionOfKey = (person: SamplePerson) => person.unit.code.slice(0, 6);

/** Takes a filing through its route to FILED: forwarded by the township where the route says so, then filed. */
async function fileAll(
  tx: Transaction,
  filing: Filing,
  person: SamplePerson,
  what: string,
  clock: Clock,
): Promise<void> {
  const policy = systemPolicy(ACTOR);
  let current = filing;
  for (const transition of TRANSITIONS[filing.route]) {
    if (transition.from !== current.status || (transition.step !== "FORWARD" && transition.step !== "FILE"))
      continue;
    current = await takeFilingStepIn(tx, policy, clock, {
      requestId: `seed:${what}:${transition.step.toLowerCase()}:${person.key}`,
      filingId: current.id,
      expectedVersion: current.version,
      step: transition.step as "FORWARD" | "FILE",
    });
  }
}
