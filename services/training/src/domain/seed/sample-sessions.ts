import { groupBy } from "@grassroots/kit/validation";
import { createHash } from "node:crypto";
import type { OrgUnitRef } from "../directory";
import type { StaffMember } from "../ports";
import type { ResultInput } from "../results";
import type { Audience, NewSession, TrainingKind } from "../training";

/**
 * A year of sample training for the seeded Ordos tree (or any number of cities), drawn
 * deterministically (hashes of the year, the bureau and the person) from the statisticians
 * personnel's seed created:
 * - per city bureau: a COMPREHENSIVE session in March for banner/district staff, attended by the
 *   full-time statisticians of the city's township-level units (the people its banners send; a
 *   bureau enrols only people serving in its area), and an online SPECIALIZED session in December
 *   (still open when the seed runs before it);
 * - per banner/district: a PRE_POST session in April for everyone still PENDING_TRAINING (most pass,
 *   which makes personnel activate their appointments), and two SPECIALIZED sessions (June, September)
 *   for about a third of the active staff each.
 */

/** A stable number in [0, 1) for a key. */
const draw = (key: string): number =>
  createHash("md5").update(`training-seed:${key}`).digest().readUInt32LE(4) / 0x1_0000_0000;

/** A stable session id for a (year, bureau, slot): a second run finds its sessions. */
export function seedSessionId(year: number, bureauCode: string, slot: string): string {
  const hex = createHash("sha1")
    .update(`grassroots-training-seed:${year}:${bureauCode}:${slot}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface SampleSession extends Omit<NewSession, "organizerUnitId" | "plannedBy" | "plannedByName"> {
  organizer: OrgUnitRef;
  participants: string[];
  /** How each participant did (used once the session is over). */
  outcome(statisticianId: string): ResultInput;
}

const TOWNSHIP_LEVEL = ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"];

/** PASSED / FAILED / ABSENT with hours and a score, drawn for a person in a session. */
function outcomeFor(
  sessionKey: string,
  hours: number,
  passRate: number,
  absentRate: number,
  minPassHours: number,
) {
  return (statisticianId: string): ResultInput => {
    const key = `${sessionKey}:${statisticianId}`;
    const roll = draw(`result:${key}`);
    const tenths = (from: number, to: number) =>
      Math.round((from + draw(`hours:${key}`) * (to - from)) * 10) / 10;
    if (roll < absentRate) return { result: "ABSENT", hoursAttended: 0, score: null };
    if (roll < absentRate + passRate) {
      return {
        result: "PASSED",
        hoursAttended: tenths(minPassHours, hours),
        score: 60 + Math.round(draw(`score:${key}`) * 400) / 10,
      };
    }
    return {
      result: "FAILED",
      hoursAttended: tenths(1, hours),
      score: Math.round(draw(`score:${key}`) * 590) / 10,
    };
  };
}

const capacityFor = (participants: number) => Math.max(30, Math.ceil((participants + 10) / 10) * 10);

/** One line of the year's plan: slot, kind, title, month-day span, hours, place (null: online), pass and absence rates. */
type Line = [
  slot: string,
  kind: TrainingKind,
  title: string,
  span: [string, string],
  hours: number,
  place: string | null,
  rates: [number, number],
];

export function sampleSessions(
  year: number,
  bureaus: readonly OrgUnitRef[],
  staff: readonly StaffMember[],
  minPassShare: number,
): SampleSession[] {
  const cities = bureaus.filter((b) => b.kind === "CITY");
  if (cities.length === 0) return [];
  const session = (
    organizer: OrgUnitRef,
    audience: Audience,
    line: Line,
    participants: string[],
  ): SampleSession => {
    const [slot, kind, title, [from, to], hours, place, [passRate, absentRate]] = line;
    const id = seedSessionId(year, organizer.code.trim(), slot);
    return {
      id,
      organizer,
      kind,
      audience,
      title,
      startDate: `${year}-${from}`,
      endDate: `${year}-${to}`,
      hours,
      place,
      online: place === null,
      capacity: capacityFor(participants.length),
      participants,
      outcome: outcomeFor(id, hours, passRate, absentRate, Math.ceil(hours * minPassShare * 10) / 10),
    };
  };

  const sessions: SampleSession[] = [];
  // Grouped once: at national scale (hundreds of cities, thousands of banners) a filter per bureau would not end.
  const staffOfCities = groupBy(
    cities.map((c) => c.id),
    staff,
    (s) => s.cityId,
  );
  for (const [c, city] of cities.entries()) {
    const delegates = staffOfCities[c].filter(
      (s) => s.status === "ACTIVE" && s.role === "FULL_TIME" && TOWNSHIP_LEVEL.includes(s.unitKind),
    );
    sessions.push(
      session(
        city,
        "BANNER_STAFF",
        [
          "comprehensive",
          "COMPREHENSIVE",
          `${year}年全市统计业务综合培训`,
          ["03-10", "03-12"],
          24,
          `${city.name}统计局培训中心`,
          [0.93, 0.03],
        ],
        delegates.map((s) => s.statisticianId),
      ),
      session(
        city,
        "BANNER_STAFF",
        [
          "annual-report",
          "SPECIALIZED",
          `${year}年统计年报布置培训（视频）`,
          ["12-08", "12-09"],
          12,
          null,
          [0.95, 0.02],
        ],
        [],
      ),
    );
  }
  const banners = bureaus.filter((b) => b.kind !== "CITY");
  const staffOfBanners = groupBy(
    banners.map((b) => b.id),
    staff,
    (s) => s.bannerId,
  );
  for (const [b, banner] of banners.entries()) {
    const own = staffOfBanners[b];
    const active = own.filter((s) => s.status === "ACTIVE").map((s) => s.statisticianId);
    const pick = (slot: string, share: number) =>
      active.filter((id) => draw(`${slot}:${year}:${id}`) < share);
    const pending = own.filter((s) => s.status === "PENDING_TRAINING").map((s) => s.statisticianId);
    sessions.push(
      session(
        banner,
        "GRASSROOTS_STAFF",
        [
          "pre-post",
          "PRE_POST",
          `${year}年${banner.name}新上岗统计人员岗前培训`,
          ["04-14", "04-15"],
          16,
          `${banner.name}统计局会议室`,
          [0.85, 0.05],
        ],
        pending,
      ),
      session(
        banner,
        "GRASSROOTS_STAFF",
        [
          "direct-reporting",
          "SPECIALIZED",
          `${banner.name}联网直报专项业务培训`,
          ["06-17", "06-17"],
          6,
          `${banner.name}政务服务中心`,
          [0.92, 0.03],
        ],
        pick("direct-reporting", 0.35),
      ),
      session(
        banner,
        "GRASSROOTS_STAFF",
        [
          "census",
          "SPECIALIZED",
          `${banner.name}经济普查专项业务培训`,
          ["09-22", "09-23"],
          12,
          `${banner.name}统计局会议室`,
          [0.9, 0.04],
        ],
        pick("census", 0.3),
      ),
    );
  }
  return sessions;
}
