import { systemPolicy } from "../access-policy";
import { setRegisterCountIn } from "../commands/set-register-count";
import { ensureStandard } from "./ensure-standard";
import { seedStandardization, type StandardizationSeedReport } from "./seed-standardization";
import { isAssessable } from "../../rules/r2-standardization";
import { inferKind } from "../division-code";
import type { OrgUnitKind } from "../org-unit";
import type { Clock, UnitOfWork } from "../ports";
import type { DivisionRow } from "../import/csv";
import { importDivisions, type ImportReport } from "../commands/import-divisions";
import { updateOrgUnitIn } from "../commands/update-org-unit";
import {
  hasSamplePost,
  SAMPLE_POST_DATE,
  SAMPLE_REGISTER_AS_OF,
  SAMPLE_STANDARD,
  sampleRegisterCount,
  sampleVillageRows,
} from "./sample-data";

export interface SeedReport {
  divisions: ImportReport;
  registerCountsSet: number;
  standardLoaded: boolean;
  /** R2: the sample assessments of last year and this year recorded by this run. */
  standardization: StandardizationSeedReport;
}

const ACTOR = "seed";

/** The row's kind, inferred from its code when the file has none; rows with a bad code are skipped here. */
function withKind(row: DivisionRow): (DivisionRow & { kind: OrgUnitKind })[] {
  try {
    return [{ ...row, kind: row.kind ?? inferKind(row.code, row.name) }];
  } catch {
    return [];
  }
}

/**
 * Real divisions + generated sample villages + sample register counts + the sample standard and
 * the sample R2 assessments of last year and this year.
 * Idempotent: a second run finds everything in place and changes nothing.
 */
export async function seed(
  uow: UnitOfWork,
  clock: Clock,
  divisions: readonly DivisionRow[],
  onProgress?: (done: number, total: number) => void,
): Promise<SeedReport> {
  const samples = sampleVillageRows(divisions.flatMap((r) => withKind(r)));
  const report = await importDivisions(uow, clock, [...divisions, ...samples], { actor: ACTOR, onProgress });

  const policy = systemPolicy(ACTOR);
  const townshipCodes = divisions
    .flatMap((r) => withKind(r))
    .filter((r) => isAssessable(r.kind))
    .map((r) => r.code);
  const registerCountsSet = await uow.run(async (tx) => {
    let set = 0;
    for (const code of townshipCodes) {
      const unit = await tx.units.getByCode(code);
      // A township with a register count has been seeded (or edited) before: leave it alone.
      if (!unit || unit.registerCount !== null || !unit.active) continue;
      const counted = await setRegisterCountIn(tx, policy, clock, {
        id: unit.id,
        expectedVersion: unit.version,
        count: sampleRegisterCount(code),
        asOf: SAMPLE_REGISTER_AS_OF,
      });
      if (hasSamplePost(code) && !counted.postEstablished) {
        await updateOrgUnitIn(tx, policy, clock, {
          id: unit.id,
          expectedVersion: counted.version,
          postEstablished: true,
          postEstablishedOn: SAMPLE_POST_DATE,
        });
      }
      set++;
    }
    return set;
  });
  const { created } = await uow.run((tx) => ensureStandard(tx, SAMPLE_STANDARD));
  const standardization = await seedStandardization(uow, clock, townshipCodes, ACTOR);
  return { divisions: report, registerCountsSet, standardLoaded: created, standardization };
}
