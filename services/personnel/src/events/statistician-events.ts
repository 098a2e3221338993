import type { EventData, StatisticianRegistered } from "@grassroots/events/contracts";
import type { Statistician } from "../domain/statistician";

/**
 * A person's state as StatisticianRegistered / StatisticianUpdated carry it. The ID number and the phone
 * are personal data and never copied into an event: the contracts have no field for them, and fields are
 * picked one by one.
 */
export function statisticianState(s: Statistician): EventData<typeof StatisticianRegistered> {
  return {
    statisticianId: s.id,
    name: s.name,
    gender: s.gender,
    ethnicity: s.ethnicity,
    education: s.education,
    title: s.title,
    version: s.version,
  };
}
