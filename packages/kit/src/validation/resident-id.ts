import { badInput } from "../errors/app-error";

/**
 * Resident ID numbers (居民身份证号码) as GB 11643-1999 defines them: 6-digit region code, 8-digit
 * birth date YYYYMMDD, 3-digit sequence code (odd for men, even for women), 1 check character.
 * Personal data: messages never repeat the number, and it never goes into events or logs.
 * The one implementation: k6/lib.js keeps a copy (k6 cannot import this), tested against it.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11];
}

export type ResidentIdGender = "MALE" | "FEMALE";

export interface ResidentId {
  /** Upper-case, 18 characters. */
  number: string;
  birthDate: string;
  gender: ResidentIdGender;
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Parses and verifies a resident ID number, or BAD_USER_INPUT naming what is wrong (never the number).
 * `today` bounds the birth date.
 */
export function parseResidentId(input: string, today: string, field = "idNumber"): ResidentId {
  const number = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) {
    throw badInput("A resident ID number has 18 characters: 17 digits and a final digit or X.", field);
  }
  if (number[0] === "0")
    throw badInput("A resident ID number starts with a region code 1xxxxx–9xxxxx.", field);
  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (year < 1900 || !validDate(year, month, day)) {
    throw badInput(
      "Characters 7–14 of the resident ID number are not a valid birth date (YYYYMMDD from 1900).",
      field,
    );
  }
  if (birthDate > today) {
    throw badInput("The birth date in the resident ID number (characters 7–14) is in the future.", field);
  }
  if (number[17] !== residentIdCheckCharacter(number.slice(0, 17))) {
    throw badInput(
      "The resident ID number's check character (the 18th) does not match the first 17 digits (GB 11643); check the number for a typing error.",
      field,
    );
  }
  return { number, birthDate, gender: Number(number[16]) % 2 === 1 ? "MALE" : "FEMALE" };
}
