import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { EntityManager } from "typeorm";
import type { RuleSubjectStore, TimeDrivenFigures } from "../../domain/rule-status/ports";
import { PENDING_STATUS } from "../../rules/staffing-requirement";

type Row = OrgUnitProjection & TimeDrivenFigures;

/** Personnel's rule subjects inside a transaction: each method is ONE SQL statement. */
export class TypeOrmRuleSubjectStore implements RuleSubjectStore {
  constructor(private readonly manager: EntityManager) {}

  async unitIdsOfKinds(kinds: readonly string[]): Promise<string[]> {
    const rows = (await this.manager.query(`SELECT id FROM org_unit WHERE kind = ANY($1) ORDER BY code`, [
      [...kinds],
    ])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async timeDrivenSubjects(
    kinds: readonly string[],
    asOf: { today: string; filingDueDays: number; pendingTrainingMaxDays: number },
    unitIds?: readonly string[],
  ): Promise<{ unit: OrgUnitProjection; figures: TimeDrivenFigures }[]> {
    // Overdue as isOverdue says (not FILED, submittedOn + due days before today); pending too long
    // the same way from the post's start date.
    const rows = (await this.manager.query(
      `SELECT u.id, u.code, u.name, u.kind, u.parent_id AS "parentId", u.path, u.depth,
              u.register_count AS "registerCount", u.active, u.version,
              f.overdue, to_char(f.oldest_due, 'YYYY-MM-DD') AS "oldestDueDate",
              a.pending, a.too_long AS "pendingTooLong", to_char(a.oldest, 'YYYY-MM-DD') AS "oldestPendingSince"
         FROM org_unit u
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS overdue, min(x.submitted_on + $3::int) AS oldest_due
             FROM filing x
            WHERE x.org_unit_id = u.id AND x.status <> 'FILED' AND x.submitted_on + $3::int < $2::date) f ON true
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS pending,
                  count(*) FILTER (WHERE p.start_date + $4::int < $2::date)::int AS too_long,
                  min(p.start_date) FILTER (WHERE p.start_date + $4::int < $2::date) AS oldest
             FROM post_assignment p WHERE p.org_unit_id = u.id AND p.status = $5) a ON true
        WHERE u.kind = ANY($1) AND ($6::uuid[] IS NULL OR u.id = ANY($6))
        ORDER BY u.code`,
      [
        [...kinds],
        asOf.today,
        asOf.filingDueDays,
        asOf.pendingTrainingMaxDays,
        PENDING_STATUS,
        unitIds ? [...unitIds] : null,
      ],
    )) as Row[];
    return rows.map(({ overdue, oldestDueDate, pending, pendingTooLong, oldestPendingSince, ...unit }) => ({
      unit,
      figures: { overdue, oldestDueDate, pending, pendingTooLong, oldestPendingSince },
    }));
  }
}
