import { systemPolicy } from "../access-policy";
import { appointStatisticianIn } from "../commands/appoint-statistician";
import { endAssignmentIn } from "../commands/end-assignment";
import { takeFilingStepIn } from "../commands/filing-step";
import { registerStatisticianIn } from "../commands/register-statistician";
import type { Filing } from "../filing";
import { TRANSITIONS } from "../filing-workflow";
import { bannerIdOf, type OrgUnitView } from "../org-unit";
import type { Clock, PersonnelServices, Transaction } from "../ports";
import { applyPrePostCertificate } from "../reactions/pre-post-certificate";
import { STAFFED_KINDS } from "../staffing";
import { addDays } from "../values";
import { sampleUuid, samplePeople, type SamplePerson } from "./sample-staff";

export interface SeedReport {
  units: number;
  people: number;
  /** People a previous run had already seeded (skipped). */
  alreadyThere: number;
  pendingTraining: number;
  former: number;
}

const ACTOR = "seed";

/** A clock standing on a business date (so filings carry a plausible submission date, all filed). */
const clockAt = (date: string): Clock => ({
  today: () => date,
  now: () => new Date(`${date}T09:00:00+08:00`),
});

/**
 * Sample staff for every active unit of the projection, through the same commands (rules, filings,
 * events) as the API and the same R7 reaction as training's events. One transaction per unit, so a
 * unit's people are all there or not at all; a second run skips the people already registered.
 */
export async function seedStaff(
  services: PersonnelServices,
  onProgress?: (done: number, total: number) => void,
): Promise<SeedReport> {
  const units = await services.reads.projectedUnits();
  const byId = new Map(units.map((u) => [u.id, u]));
  const regionOf = (unit: OrgUnitView) =>
    byId.get(bannerIdOf(unit.path) ?? "")?.code.slice(0, 6) ?? unit.code.slice(0, 6);
  const staffed = units.filter((u) => u.active && STAFFED_KINDS.includes(u.kind));
  const people = samplePeople(staffed, regionOf);
  const byUnit = new Map<string, SamplePerson[]>();
  for (const person of people) byUnit.set(person.unit.id, [...(byUnit.get(person.unit.id) ?? []), person]);

  let done = 0;
  let skipped = 0;
  for (const group of byUnit.values()) {
    await services.uow.run(async (tx) => {
      for (const person of group) {
        if (await tx.statisticians.idNumberHolder(person.idNumber)) skipped++;
        else await seedPerson(tx, services, person);
      }
    });
    done += group.length;
    onProgress?.(done, people.length);
  }
  return {
    units: staffed.length,
    people: people.length,
    alreadyThere: skipped,
    pendingTraining: people.filter((p) => p.trainedOn === null).length,
    former: people.filter((p) => p.post.endDate).length,
  };
}

async function seedPerson(
  tx: Transaction,
  { settings }: PersonnelServices,
  person: SamplePerson,
): Promise<void> {
  const policy = systemPolicy(ACTOR);
  const { post, unit } = person;
  const at = (date: string) => clockAt(addDays(date, 2));
  const statistician = await registerStatisticianIn(tx, policy, at(post.startDate), {
    requestId: `seed:register:${person.key}`,
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
        certificateNumber: `SAMPLE-PP-${String(person.index).padStart(4, "0")}`,
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
