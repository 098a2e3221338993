import { badInput } from "@grassroots/kit/errors";
import { checkPrePostPass, tenths, type PassRule } from "../rules/r7-pre-post-training";
import { RESULTS, type TrainingResult, type TrainingSession } from "./training";

export interface ResultInput {
  hoursAttended: number;
  result: TrainingResult;
  score?: number | null;
}

export interface CheckedResult {
  hoursAttended: number;
  result: TrainingResult;
  score: number | null;
}

const oneDecimal = (value: number) =>
  Number.isFinite(value) && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

/**
 * Attendance and result of one participant, checked against the session. `field` prefixes the names
 * in messages (a bulk upload passes `rows[3]`), so the clerk sees which row and which value to fix.
 */
export function checkResult(
  session: Pick<TrainingSession, "kind" | "hours">,
  input: ResultInput,
  rule: PassRule,
  field = "",
): CheckedResult {
  const name = (f: string) => (field ? `${field}.${f}` : f);
  if (!RESULTS.includes(input.result)) {
    throw badInput(`${name("result")} must be one of ${RESULTS.join(", ")}.`, name("result"));
  }
  const hours = input.hoursAttended;
  if (!oneDecimal(hours) || hours < 0) {
    throw badInput(
      `${name("hoursAttended")} must be a number of hours ≥ 0 with at most one decimal; got ${hours}.`,
      name("hoursAttended"),
    );
  }
  if (tenths(hours) > tenths(session.hours)) {
    throw badInput(
      `${name("hoursAttended")} ${hours} is above the session's ${session.hours} hours.`,
      name("hoursAttended"),
    );
  }
  const score = input.score ?? null;
  if (score !== null && (!oneDecimal(score) || score < 0 || score > 100)) {
    throw badInput(
      `${name("score")} must be from 0 to 100 with at most one decimal; got ${score}.`,
      name("score"),
    );
  }
  if (input.result === "ABSENT" && (tenths(hours) !== 0 || score !== null)) {
    throw badInput(
      `An ABSENT participant has 0 hours attended and no score; got ${hours} h${score === null ? "" : `, score ${score}`}.`,
      name("result"),
    );
  }
  if (input.result !== "ABSENT" && tenths(hours) === 0) {
    throw badInput(
      `A ${input.result} participant attended some hours; with 0 hours record ABSENT.`,
      name("hoursAttended"),
    );
  }
  checkPrePostPass(session, input.result, hours, rule, name("result"));
  return {
    hoursAttended: tenths(hours) / 10,
    result: input.result,
    score: score === null ? null : tenths(score) / 10,
  };
}
