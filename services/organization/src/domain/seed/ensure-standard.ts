import type { Transaction } from "../ports";
import type { NewStandard, Standard } from "../standardization";

/** Loads a fixed version unless it is already there (seed, tests). Returns whether it was created. */
export async function ensureStandard(
  tx: Transaction,
  standard: NewStandard,
): Promise<{ standard: Standard; created: boolean }> {
  const existing = await tx.standardization.findStandard(standard.code, standard.version);
  if (existing) return { standard: existing, created: false };
  return { standard: await tx.standardization.insertStandard(standard), created: true };
}
