import { createHash } from "node:crypto";
import type { EstablishmentStatus, StatisticianRole } from "../assignment";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { residentIdCheckCharacter as checkCharacter } from "@grassroots/kit/validation";
import type { ProfessionalTitle } from "../statistician";
import { addDays } from "../values";

/**
 * Generated sample staff for the seeded Ordos tree: every person is is_sample and named 样例统计员…;
 * ID numbers are well-formed (GB 11643 check character) but invented. The mix is deterministic (hashes
 * of unit codes) and leaves some units compliant and some not: townships without an in-establishment
 * full-timer, large-register townships short of a second statistician, villages without a liaison,
 * and a few posts still waiting for pre-post training (R7).
 *
 * A unit's sample people depend on that unit alone (its code and kind): adding, removing or moving
 * other units changes nothing for it, so the seed's keys (`<code>:<n>`) always mean the same person.
 */
/** A stable number in [0, 1) from a string, so the same tree gives the same staff every time. */
export const stableFraction = (key: string): number =>
  createHash("sha1").update(key).digest().readUInt32BE(0) / 2 ** 32;

/** A stable UUID (version 5 layout) from a string. */
export function sampleUuid(key: string): string {
  const hash = createHash("sha1").update("grassroots-personnel-sample").update(key).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface SamplePost {
  role: StatisticianRole;
  establishment: EstablishmentStatus;
  startDate: string;
  /** Set for a former statistician: the post ended (a DEPARTURE). */
  endDate?: string;
}

export interface SamplePerson {
  /** `<unit code>:<n>`, n the post's place among the unit's sample posts: the seed's idempotency keys. */
  key: string;
  /** A number of its own (1 to 99,999,999) for the phone and certificate numbers, from the key alone. */
  index: number;
  name: string;
  idNumber: string;
  phone: string;
  ethnicity: string;
  education: string;
  title: ProfessionalTitle | null;
  unit: OrgUnitProjection;
  post: SamplePost;
  /**
   * R7: when the person completed pre-post training (before the appointment: the post starts ACTIVE;
   * after it: the post is activated then); null = still waiting, the post stays PENDING_TRAINING.
   */
  trainedOn: string | null;
}

const BIRTH_BASE = "1965-01-01";
const BIRTH_SPAN_DAYS = 35 * 365;

/** The most sample posts a unit gets (a township: a full-timer, four part-timers, a former one). */
export const MAX_POSTS_PER_UNIT = 6;

/**
 * A valid invented ID number for the n-th sample post of the unit with this 12-digit code: the unit's
 * county-level region code (its first 6 digits), then its last 6 digits and n folded into a birth date
 * (12,775 days from 1965) and a sequence code (whose parity gives the gender), and the GB 11643 check
 * character. Distinct (code, n) pairs get distinct numbers: 1,000,000 × 6 slots fit 12,775 × 500.
 */
export function sampleIdNumber(unitCode: string, n: number, male: boolean): string {
  if (!/^\d{12}$/.test(unitCode) || n < 0 || n >= MAX_POSTS_PER_UNIT)
    throw new Error(`no sample ID number for post ${n} of unit ${unitCode}`);
  const slot = Number(unitCode.slice(6)) * MAX_POSTS_PER_UNIT + n;
  const birth = addDays(BIRTH_BASE, slot % BIRTH_SPAN_DAYS).replaceAll("-", "");
  const sequence = Math.floor(slot / BIRTH_SPAN_DAYS) * 2 + (male ? 1 : 0);
  const first17 = `${unitCode.slice(0, 6)}${birth}${String(sequence).padStart(3, "0")}`;
  return `${first17}${checkCharacter(first17)}`;
}

/**
 * An invented mobile number unique to `index`: 199 and the index in 8 digits, so 11 digits (as
 * checkPhone wants) for up to 100 million people; below 10,000 the same numbers as before.
 */
export const samplePhone = (index: number): string => `199${String(index).padStart(8, "0")}`;

const EDUCATION = ["研究生", "本科", "本科", "本科", "大专", "大专", "高中"];
const TITLES: (ProfessionalTitle | null)[] = [
  null,
  null,
  "JUNIOR",
  "JUNIOR",
  "INTERMEDIATE",
  "INTERMEDIATE",
  "SENIOR",
];
const pickFrom = <T>(list: readonly T[], key: string): T =>
  list[Math.floor(stableFraction(key) * list.length)];

/** A business date between 2016-01-01 and 2025-06-30. */
const sampleDate = (key: string) => addDays("2016-01-01", Math.floor(stableFraction(key) * 3468));

/** The posts a unit gets. */
function postsFor(unit: OrgUnitProjection): SamplePost[] {
  const f = (what: string) => stableFraction(`${what}:${unit.code}`);
  const date = (n: number) => sampleDate(`start:${unit.code}:${n}`);
  const posts: SamplePost[] = [];
  const add = (role: StatisticianRole, establishment: EstablishmentStatus) =>
    posts.push({ role, establishment, startDate: date(posts.length) });
  switch (unit.kind) {
    case "SUBDISTRICT":
    case "TOWN":
    case "TOWNSHIP":
    case "SUMU": {
      // R3: most have a full-time in-establishment statistician; some only a contract one, a few none.
      const ft = f("full-time");
      if (ft < 0.86) add("FULL_TIME", "IN_ESTABLISHMENT");
      else if (ft < 0.94) add("FULL_TIME", "CONTRACT");
      const partTimers = f("part-time") < 0.15 ? 0 : 1 + Math.floor(f("part-time-count") * 4);
      for (let i = 0; i < partTimers; i++) add("PART_TIME", i % 3 === 2 ? "PUBLIC_WELFARE_POST" : "CONTRACT");
      break;
    }
    case "PARK": {
      const n = f("park") < 0.2 ? 0 : 1 + Math.floor(f("park-count") * 2);
      for (let i = 0; i < n; i++) add(i === 0 ? "FULL_TIME" : "PART_TIME", "CONTRACT");
      break;
    }
    case "COMMUNITY": {
      const n = f("community") < 0.08 ? 0 : 1 + Math.floor(f("community-count") * 3);
      for (let i = 0; i < n; i++) add("PART_TIME", i === 0 ? "PUBLIC_WELFARE_POST" : "CONTRACT");
      break;
    }
    case "VILLAGE":
    case "GACHA": {
      const n = f("village") < 0.12 ? 0 : f("village-count") < 0.4 ? 2 : 1;
      for (let i = 0; i < n; i++) add("LIAISON", "PUBLIC_WELFARE_POST");
      break;
    }
    default:
      break;
  }
  // About one unit in ten also had a statistician who has since left (a filed DEPARTURE).
  if (posts.length > 0 && f("former") < 0.1) {
    const first = posts[0];
    const startDate = addDays(first.startDate, -900);
    posts.push({
      ...first,
      startDate,
      endDate: addDays(startDate, 400 + Math.floor(f("former-length") * 400)),
    });
  }
  return posts;
}

/** A person's own number from their key: 1 to 99,999,999 (so samplePhone gives 11 digits). */
export const sampleIndex = (key: string): number =>
  1 + Math.floor(stableFraction(`index:${key}`) * 99_999_999);

/** The sample people of one unit: a function of the unit alone (code and kind), never of other units. */
export function samplePeopleOf(unit: OrgUnitProjection): SamplePerson[] {
  return postsFor(unit).map((post, n) => {
    const key = `${unit.code}:${n}`;
    const index = sampleIndex(key);
    const male = stableFraction(`gender:${key}`) < 0.55;
    const pastoral = unit.kind === "SUMU" || unit.kind === "GACHA";
    const trained = stableFraction(`trained:${key}`) >= 0.04 || post.endDate !== undefined;
    return {
      key,
      index,
      // The unit's code without province and city, and n: unique within a city, readable back to the unit.
      name: `样例统计员${unit.code.slice(4)}${n}`,
      idNumber: sampleIdNumber(unit.code, n, male),
      phone: samplePhone(index),
      ethnicity: stableFraction(`ethnicity:${key}`) < (pastoral ? 0.6 : 0.12) ? "蒙古族" : "汉族",
      education: pickFrom(EDUCATION, `education:${key}`),
      title: pickFrom(TITLES, `title:${key}`),
      unit,
      post,
      trainedOn: trained
        ? addDays(post.startDate, Math.floor(stableFraction(`trained-on:${key}`) * 120) - 60)
        : null,
    };
  });
}

/** Every sample person for the units, in code order (each unit's own people, whatever else is in the list). */
export function samplePeople(units: readonly OrgUnitProjection[]): SamplePerson[] {
  return [...units].sort((a, b) => a.code.localeCompare(b.code)).flatMap(samplePeopleOf);
}
