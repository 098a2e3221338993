import type { RuleStatusData } from "@grassroots/events/contracts";
import type { EntityManager } from "typeorm";
import type { RuleStatusStore } from "../../domain/ports";
import type { RuleStatusApplied } from "../../domain/rule-status";
import type { StatusCounts } from "../../rules/r12-metrics";
import { RuleStatusEntity } from "../entities/rule-status.entity";
import { statusCountsAt } from "./metrics.sql";
import { roundsBy } from "@grassroots/kit/validation";

/**
 * The rule status projection inside the inbox transaction. The current row is the subject's latest
 * event: the owning service publishes a subject's results in order and Kafka keeps them in order (the
 * key is the subject), while asOf is business time, which a change entered late (a backdated
 * appointment) puts before the result it replaces. So every event replaces the row; `since` moves to
 * the event's asOf when the status changed, and to the earlier of the two when it did not (it has held
 * at least since then; `since <= as_of` always holds). The history keeps each result by asOf for the as-of-a-date counts.
 */
export class TypeOrmRuleStatusStore implements RuleStatusStore {
  constructor(private readonly manager: EntityManager) {}

  async apply(data: RuleStatusData): Promise<RuleStatusApplied> {
    await this.manager.query(
      `INSERT INTO rule_status_history (rule, subject_unit_id, subject_unit_path, period_key, status, as_of)
       VALUES ($1, $2, $3, coalesce($4, '-'), $5, $6) ON CONFLICT DO NOTHING`,
      [data.rule, data.subjectUnitId, data.subjectUnitPath, data.period, data.status, data.asOf],
    );
    const rows: { rule: string }[] = await this.manager.query(
      `INSERT INTO rule_status AS s (rule, subject_unit_id, subject_unit_path, period, status, figures, reason, since, as_of)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $8)
       ON CONFLICT (rule, subject_unit_id, period_key) DO UPDATE SET
         subject_unit_path = EXCLUDED.subject_unit_path, status = EXCLUDED.status, figures = EXCLUDED.figures,
         reason = EXCLUDED.reason, as_of = EXCLUDED.as_of, projected_at = clock_timestamp(),
         since = CASE WHEN s.status = EXCLUDED.status THEN LEAST(s.since, EXCLUDED.as_of) ELSE EXCLUDED.as_of END
       RETURNING s.rule`,
      [
        data.rule,
        data.subjectUnitId,
        data.subjectUnitPath,
        data.period,
        data.status,
        JSON.stringify(data.figures),
        data.reason,
        data.asOf,
      ],
    );
    if (rows.length === 0) return { applied: false };
    const row = await this.manager.findOneByOrFail(RuleStatusEntity, {
      rule: data.rule,
      subjectUnitId: data.subjectUnitId,
      periodKey: data.period ?? "-",
    });
    return { applied: true, row };
  }

  /**
   * The events in rounds (round k holds each subject's k-th event, so one subject's events keep their
   * order), each round in two statements: its history rows, then its current rows with the same
   * `since` rule as `apply`. A national tree's 640,000 first results cost two statements per few
   * hundred, not three per result.
   */
  async applyAll(events: readonly RuleStatusData[]): Promise<void> {
    for (const round of roundsBy(events, (d) => `${d.rule}|${d.subjectUnitId}|${d.period ?? "-"}`)) {
      const column = <T>(pick: (d: RuleStatusData) => T) => round.map(pick);
      const params = [
        column((d) => d.rule),
        column((d) => d.subjectUnitId),
        column((d) => d.subjectUnitPath),
        column((d) => d.period),
        column((d) => d.status),
        column((d) => JSON.stringify(d.figures)),
        column((d) => d.reason),
        column((d) => d.asOf),
      ];
      const rows = `unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                           $8::timestamptz[]) AS r(rule, subject, path, period, status, figures, reason, as_of)`;
      await this.manager.query(
        `INSERT INTO rule_status_history (rule, subject_unit_id, subject_unit_path, period_key, status, as_of)
         SELECT r.rule, r.subject, r.path, coalesce(r.period, '-'), r.status, r.as_of FROM ${rows}
         ON CONFLICT DO NOTHING`,
        params,
      );
      await this.manager.query(
        `INSERT INTO rule_status AS s (rule, subject_unit_id, subject_unit_path, period, status, figures, reason, since, as_of)
         SELECT r.rule, r.subject, r.path, r.period, r.status, r.figures::jsonb, r.reason, r.as_of, r.as_of FROM ${rows}
         ON CONFLICT (rule, subject_unit_id, period_key) DO UPDATE SET
           subject_unit_path = EXCLUDED.subject_unit_path, status = EXCLUDED.status, figures = EXCLUDED.figures,
           reason = EXCLUDED.reason, as_of = EXCLUDED.as_of, projected_at = clock_timestamp(),
           since = CASE WHEN s.status = EXCLUDED.status THEN LEAST(s.since, EXCLUDED.as_of) ELSE EXCLUDED.as_of END`,
        params,
      );
    }
  }

  countsAt(
    subjects: readonly { id: string; path: string }[],
    year: number,
    cutOffDate: string,
  ): Promise<Map<string, Map<string, StatusCounts>>> {
    return statusCountsAt(this.manager, subjects, year, cutOffDate);
  }
}
