import type { Clock } from "@grassroots/kit/validation";
import { publishR11 } from "../meeting-status";
import type { UnitOfWork } from "../ports";

/** The units R11 asks to hold meetings: every banner and district. */
const R11_HOLDER_KINDS = ["BANNER", "DISTRICT"] as const;

/**
 * R11 for every banner and district this year, whether or not it recorded a meeting: a banner that
 * never met is NOT_MET ("no meeting studied grassroots statistics"), which no command would publish
 * because none happens. Part of the periodic check; the ledger keeps an unchanged result silent.
 */
export async function publishBannersR11(uow: UnitOfWork, clock: Clock): Promise<number> {
  const year = Number(clock.today().slice(0, 4));
  return uow.run(async (tx) => {
    const holders = await tx.units.below("", R11_HOLDER_KINDS);
    for (const holder of holders) await publishR11(tx, clock, holder, year);
    return holders.length;
  });
}
