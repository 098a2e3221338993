import { isAppError } from "@grassroots/kit/errors";
import { parseResidentId, type Clock } from "@grassroots/kit/validation";
import type { TableRow } from "@grassroots/table-files";
import {
  ESTABLISHMENT_STATUSES,
  ROLES,
  type EstablishmentStatus,
  type StatisticianRole,
} from "../assignment";
import { checkGenderAgrees } from "../commands/register-statistician";
import { GENDERS, PROFESSIONAL_TITLES, type Gender, type ProfessionalTitle } from "../statistician";
import { checkNotFuture, checkPhone, checkText, optionalText } from "../values";
import {
  COLUMN_WORDS,
  ESTABLISHMENT_WORDS,
  GENDER_WORDS,
  ROLE_WORDS,
  ROSTER_REQUIRED,
  TITLE_WORDS,
  type RosterColumn,
} from "./roster-columns";

/** One roster row, checked on its own (its unit, the person's record and the other rows come later). */
export interface RosterRow {
  line: number;
  unitCode: string;
  name: string;
  /** Normalised (upper-case X); personal data, never in the report. */
  idNumber: string;
  gender: Gender;
  role: StatisticianRole;
  establishment: EstablishmentStatus;
  startDate: string;
  ethnicity: string | null;
  phone: string | null;
  education: string | null;
  title: ProfessionalTitle | null;
}

/**
 * A row naming a person and no post (the unit code, role, establishment and start date all empty), as
 * the roster export lists someone whose posts have ended: it confirms a registered person, nothing more.
 */
export interface RosterPerson {
  line: number;
  name: string;
  idNumber: string;
}

/** The cells of a post: a row without any of them is a RosterPerson. */
const POST_COLUMNS: readonly RosterColumn[] = ["unit_code", "role", "establishment", "start_date"];

/** A row the import does not apply: named by its line, unit code and name (never ID number or phone). */
export interface RosterRejection {
  line: number;
  unitCode: string;
  name: string | null;
  reason: string;
}

/** The message of the BAD_USER_INPUT a check throws (other errors are not a row's fault and go on up). */
export function reasonOf(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
}

class RowRejected extends Error {}

/** A value given as the API's enum name or one of a sheet's words for it. */
function enumValue<T extends string>(
  cell: string,
  values: readonly T[],
  words: Record<string, T>,
  column: RosterColumn,
): T {
  const upper = cell.toUpperCase();
  if ((values as readonly string[]).includes(upper)) return upper as T;
  const value = words[cell];
  if (value) return value;
  const accepted = values.map((v) => {
    const word = Object.keys(words).find((w) => words[w] === v);
    return word ? `${v} (${word})` : v;
  });
  throw new RowRejected(`${COLUMN_WORDS[column]} "${cell}" is not one of ${accepted.join(", ")}.`);
}

/** 2024-03-01, 2024/3/1, 2024.3.1 and 2024年3月1日 as YYYY-MM-DD (anything else is left for checkDate to refuse). */
export function normaliseDate(cell: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cell);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : cell;
}

function must<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (isAppError(error)) throw new RowRejected(error.message);
    throw error;
  }
}

/** Checks a row's own cells as registerStatistician and appointStatistician check their input. */
export function parseRosterRow(
  { line, cells }: TableRow<RosterColumn>,
  clock: Clock,
): { row: RosterRow } | { person: RosterPerson } | { rejection: RosterRejection } {
  try {
    if (cells.name && cells.id_number && POST_COLUMNS.every((c) => !cells[c])) {
      const resident = must(() => parseResidentId(cells.id_number, clock.today(), "id_number"));
      const name = must(() => checkText(cells.name, COLUMN_WORDS.name, 50));
      return { person: { line, name, idNumber: resident.number } };
    }
    const missing = ROSTER_REQUIRED.filter((c) => !cells[c]);
    if (missing.length) {
      throw new RowRejected(
        `${missing.map((c) => COLUMN_WORDS[c]).join(", ")}: empty; the cell is required.`,
      );
    }
    const resident = must(() => parseResidentId(cells.id_number, clock.today(), "id_number"));
    const gender = cells.gender ? enumValue(cells.gender, GENDERS, GENDER_WORDS, "gender") : undefined;
    must(() => checkGenderAgrees(gender, resident.gender, COLUMN_WORDS.gender));
    const startDate = must(() =>
      checkNotFuture(normaliseDate(cells.start_date), COLUMN_WORDS.start_date, clock),
    );
    const row: RosterRow = {
      line,
      unitCode: cells.unit_code,
      name: must(() => checkText(cells.name, COLUMN_WORDS.name, 50)),
      idNumber: resident.number,
      gender: resident.gender,
      role: enumValue(cells.role, ROLES, ROLE_WORDS, "role"),
      establishment: enumValue(
        cells.establishment,
        ESTABLISHMENT_STATUSES,
        ESTABLISHMENT_WORDS,
        "establishment",
      ),
      startDate,
      ethnicity: must(() => optionalText(cells.ethnicity, COLUMN_WORDS.ethnicity, 20)) ?? null,
      phone: must(() => checkPhone(cells.phone, COLUMN_WORDS.phone)) ?? null,
      education: must(() => optionalText(cells.education, COLUMN_WORDS.education, 50)) ?? null,
      title: cells.title ? enumValue(cells.title, PROFESSIONAL_TITLES, TITLE_WORDS, "title") : null,
    };
    return { row };
  } catch (error) {
    if (!(error instanceof RowRejected)) throw error;
    return {
      rejection: { line, unitCode: cells.unit_code, name: cells.name || null, reason: error.message },
    };
  }
}
