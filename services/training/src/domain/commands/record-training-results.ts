import { AppError, badInput, isAppError } from "@grassroots/kit/errors";
import { isUuid, type Clock } from "@grassroots/kit/validation";
import type { PassRule } from "../../rules/r7-pre-post-training";
import type { TrainingPolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import { checkResult, type ResultInput } from "../results";
import { oncePerRequest, type Retryable } from "./common";
import {
  applyResult,
  notEnrolled,
  RECORD,
  recordedResultsOf,
  resultsContext,
  type RecordedResult,
} from "./result-writing";

export interface RecordResultsInput {
  sessionId: string;
  rows: (ResultInput & { statisticianId: string })[];
}

export function recordTrainingResults(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  input: RecordResultsInput & Retryable,
): Promise<RecordedResult[]> {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "recordTrainingResults", actorId: policy.actor.id, input: input },
      () => recordTrainingResultsIn(tx, policy, clock, rule, input),
      () => input.sessionId,
      (sessionId) =>
        recordedResultsOf(
          tx,
          sessionId,
          input.rows.map((r) => r.statisticianId),
        ),
    ),
  );
}

/** Re-throws a row's error with the row named first (1-based, as a clerk counts the lines of an upload). */
function inRow<T>(index: number, label: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError(error.code, `Row ${index + 1} (statistician ${label}): ${error.message}`, {
      ...error.details,
      row: index + 1,
    });
  }
}

/**
 * A whole session's attendance and results in one transaction: every row is checked before anything
 * is written, and any refusal (naming its row) rolls back the whole upload — no result, no event.
 */
export async function recordTrainingResultsIn(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  input: RecordResultsInput,
): Promise<RecordedResult[]> {
  policy.requireManager(RECORD);
  const c = await resultsContext(tx, policy, clock, rule, input.sessionId);
  if (input.rows.length < 1 || input.rows.length > 2000) {
    throw badInput(`A results upload has 1 to 2000 rows; got ${input.rows.length}.`, "rows");
  }
  const ids = input.rows.map((r) => r.statisticianId);
  const first = new Map<string, number>();
  const checked = input.rows.map((row, i) =>
    inRow(i, row.statisticianId, () => {
      if (!isUuid(row.statisticianId))
        throw badInput(`"${row.statisticianId}" is not a statistician id.`, `rows[${i}].statisticianId`);
      if (first.has(row.statisticianId)) {
        throw badInput(
          `the same person is already on row ${first.get(row.statisticianId)! + 1}.`,
          `rows[${i}].statisticianId`,
        );
      }
      first.set(row.statisticianId, i);
      return checkResult(c.session, row, rule, `rows[${i}]`);
    }),
  );
  const enrollments = new Map(
    (await tx.enrollments.lockOf(c.session.id, ids)).map((e) => [e.statisticianId, e]),
  );
  input.rows.forEach((row, i) =>
    inRow(i, row.statisticianId, () => {
      if (enrollments.get(row.statisticianId)?.status !== "ENROLLED")
        throw notEnrolled(c.session, row.statisticianId, `rows[${i}].statisticianId`);
    }),
  );
  const held = new Map(
    (await tx.certificates.ofEnrollments([...enrollments.values()].map((e) => e.id))).map((h) => [
      h.enrollmentId,
      h,
    ]),
  );
  const recorded: RecordedResult[] = [];
  for (const [i, row] of input.rows.entries()) {
    const enrollment = enrollments.get(row.statisticianId)!;
    try {
      recorded.push(await applyResult(c, enrollment, checked[i], held.get(enrollment.id)));
    } catch (error) {
      inRow(i, row.statisticianId, () => {
        throw error;
      });
    }
  }
  return recorded;
}
