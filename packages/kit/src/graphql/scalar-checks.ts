/**
 * The checks of the API's custom scalars, with messages a clerk can act on. Plain TypeScript (no
 * GraphQL import): the gateway installs them on the supergraph's scalars, so a malformed value in any
 * service's field is refused at the edge as BAD_USER_INPUT naming the field, before any subgraph runs.
 */
export class ScalarInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScalarInputError";
  }
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A business date: exactly YYYY-MM-DD and a day that exists in the calendar. */
export function checkLocalDate(value: unknown): string {
  if (typeof value !== "string") {
    throw new ScalarInputError(
      `A date is written as text YYYY-MM-DD, e.g. "2026-11-30"; got ${typeof value}.`,
    );
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!iso) {
    const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value.trim());
    if (dayFirst) {
      const [, d, m, y] = dayFirst;
      throw new ScalarInputError(
        `"${value}" is not written as YYYY-MM-DD: for day ${d}, month ${m} of ${y} write "${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}".`,
      );
    }
    throw new ScalarInputError(`"${value}" is not a date: write it as YYYY-MM-DD, e.g. "2026-11-30".`);
  }
  const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (month < 1 || month > 12) {
    throw new ScalarInputError(
      `"${value}" is not a date: there is no month ${iso[2]} (months are 01 to 12).`,
    );
  }
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    throw new ScalarInputError(
      `"${value}" is not a date: ${MONTHS[month - 1]} ${year} has days 01 to ${last}.`,
    );
  }
  return value;
}

/** A moment in time: RFC 3339 with a time zone, e.g. 2026-11-30T08:00:00Z or 2026-11-30T16:00:00+08:00. */
export function checkDateTime(value: unknown): string {
  if (typeof value !== "string") {
    throw new ScalarInputError(
      `A date and time is written as text, e.g. "2026-11-30T08:00:00+08:00"; got ${typeof value}.`,
    );
  }
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(value);
  if (!m) {
    throw new ScalarInputError(
      `"${value}" is not a date and time: write it as YYYY-MM-DDThh:mm:ss with a time zone, e.g. "2026-11-30T08:00:00+08:00".`,
    );
  }
  checkLocalDate(m[1]);
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) {
    throw new ScalarInputError(`"${value}" is not a time of day: hours 00–23, minutes and seconds 00–59.`);
  }
  return value;
}

/** Custom scalars of the supergraph by name, each with the check its values must pass. */
export const scalarChecks: Readonly<Record<string, (value: unknown) => unknown>> = {
  LocalDate: checkLocalDate,
  DateTimeISO: checkDateTime,
};
