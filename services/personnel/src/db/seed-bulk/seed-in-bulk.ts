import type { DataSource } from "typeorm";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { PersonnelServices } from "../../domain/ports";
import { samplePeople, type SamplePerson } from "../../domain/seed/sample-staff";
import { peopleByUnit, registerKey, seedPerson, seedReport, type SeedReport } from "../../domain/seed/seed";
import { STAFFED_KINDS } from "../../domain/staffing";
import { personalDataCipher } from "../personal-data";
import { StatisticianRows } from "../repositories/statistician.rows";
import { transactionOf } from "../unit-of-work";
import { flushChunk } from "./flush";
import { stageChunk } from "./staged-transaction";

/** Units per transaction: ~2,000 people, a few MB of rows and events. */
export const BULK_CHUNK_UNITS = 1500;

/**
 * seedStaff (domain/seed/seed.ts) for a national tree: the same people through the same commands, but
 * a chunk of units per transaction, and for every unit that holds no posts or filings yet the commands
 * run on a staged transaction (memory) whose rows and events are then written set-wise (flush.ts), so a
 * chunk costs a few dozen statements instead of ~40 per person. A unit that already has staff (a rerun
 * after users' changes, a half-seeded unit) goes through the row-by-row path, in the same transaction.
 * Same report, same rerun rules: a person whose register key was used is skipped, and so is one whose
 * invented ID number someone else holds.
 */
export async function seedStaffInBulk(
  dataSource: DataSource,
  services: PersonnelServices,
  onProgress?: (done: number, total: number) => void,
  chunkUnits = BULK_CHUNK_UNITS,
): Promise<SeedReport> {
  const units = await services.units.projectedUnits();
  const staffed = units.filter((u) => u.active && STAFFED_KINDS.includes(u.kind));
  const people = samplePeople(staffed);
  const groups = [...peopleByUnit(people).values()];
  let done = 0;
  let skipped = 0;
  let taken = 0;
  for (let start = 0; start < groups.length; start += chunkUnits) {
    const part = groups.slice(start, start + chunkUnits);
    await dataSource.transaction(async (manager) => {
      const all = part.flat();
      const used = await transactionOf(manager).idempotency.used(all.map(registerKey));
      const hashes = new StatisticianRows(personalDataCipher(manager));
      const held = new Set(
        (
          (await manager.query(
            `SELECT id_number_hash AS hash FROM statistician WHERE id_number_hash = ANY($1)`,
            [all.map((p) => hashes.idNumberHash(p.idNumber))],
          )) as { hash: string }[]
        ).map((r) => r.hash),
      );
      const unitIds = part.map((group) => group[0].unit.id);
      const staffedAlready = new Set(
        (
          (await manager.query(
            `SELECT DISTINCT org_unit_id AS id FROM post_assignment WHERE org_unit_id = ANY($1)
             UNION SELECT DISTINCT org_unit_id FROM filing WHERE org_unit_id = ANY($1)`,
            [unitIds],
          )) as { id: string }[]
        ).map((r) => r.id),
      );
      const toSeed = (group: SamplePerson[]) =>
        group.filter((person) => {
          if (used.has(registerKey(person))) skipped++;
          else if (held.has(hashes.idNumberHash(person.idNumber))) taken++;
          else return true;
          return false;
        });
      const staged: SamplePerson[] = [];
      const stagedUnits: OrgUnitProjection[] = [];
      for (const group of part) {
        const fresh = toSeed(group);
        if (fresh.length === 0) continue;
        if (staffedAlready.has(group[0].unit.id)) {
          const tx = transactionOf(manager);
          for (const person of fresh) await seedPerson(tx, services, person);
        } else {
          staged.push(...fresh);
          stagedUnits.push(group[0].unit);
        }
      }
      if (staged.length > 0) {
        const chunk = await stageChunk(manager, stagedUnits);
        for (const person of staged) await seedPerson(chunk.tx, services, person);
        await flushChunk(manager, chunk);
      }
    });
    done += part.reduce((n, group) => n + group.length, 0);
    onProgress?.(done, people.length);
  }
  return seedReport(staffed.length, people, skipped, taken);
}
