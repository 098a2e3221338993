import type { R8Reads } from "../../domain/ports";
import type { R8Line, R8Payment } from "../../rules/r8-funds-on-time-in-full";
import { fenOf } from "@grassroots/kit/validation";

/** What both a DataSource and an EntityManager offer: R8 reads run inside a command's transaction and outside it. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

type InstalmentRow = {
  subject_id: string;
  line_id: string;
  purpose: string;
  line_fen: string;
  seq: number;
  due_date: string;
  amount_fen: string;
};

/** The lines and payments R8 is judged on: one statement each, whatever the number of subjects and lines. */
export class SqlR8Reads implements R8Reads {
  constructor(private readonly db: Queryable) {}

  async linesOf(subjectIds: readonly string[], year: number): Promise<R8Line[][]> {
    if (subjectIds.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT s.id::text AS subject_id, l.id::text AS line_id, l.purpose, r.amount_fen::text AS line_fen,
              i.seq, i.due_date::text AS due_date, i.amount_fen::text AS amount_fen
         FROM unnest($1::uuid[]) AS s(id)
         JOIN budget_line l ON l.fiscal_year = $2
         JOIN budget_line_revision r ON r.line_id = l.id AND r.revision = l.current_revision
                                    AND (l.owner_unit_id = s.id OR r.beneficiary_unit_id = s.id)
         JOIN budget_instalment i ON i.line_id = l.id AND i.revision = l.current_revision
        ORDER BY s.id, l.id, i.seq`,
      [subjectIds, year],
    )) as InstalmentRow[];
    return subjectIds.map((id) => {
      const lines = new Map<string, R8Line>();
      for (const row of rows.filter((r) => r.subject_id === id)) {
        let line = lines.get(row.line_id);
        if (!line) {
          line = {
            lineId: row.line_id,
            purpose: row.purpose,
            amountFen: fenOf(row.line_fen),
            instalments: [],
          };
          lines.set(row.line_id, line);
        }
        line.instalments.push({
          lineId: row.line_id,
          seq: row.seq,
          dueDate: row.due_date,
          amountFen: fenOf(row.amount_fen),
        });
      }
      return [...lines.values()];
    });
  }

  async paymentsOf(lineIds: readonly string[]): Promise<R8Payment[]> {
    if (lineIds.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT d.line_id::text AS line_id, d.instalment_seq AS seq, d.amount_fen::text AS amount_fen, d.paid_on::text AS paid_on
         FROM disbursement d
        WHERE d.line_id = ANY($1::uuid[]) AND d.kind = 'PAYMENT'
          AND NOT EXISTS (SELECT 1 FROM disbursement x WHERE x.reverses_id = d.id)`,
      [lineIds],
    )) as { line_id: string; seq: number; amount_fen: string; paid_on: string }[];
    return rows.map((r) => ({
      lineId: r.line_id,
      seq: r.seq,
      amountFen: fenOf(r.amount_fen),
      paidOn: r.paid_on,
    }));
  }

  async subjects(): Promise<{ subjectUnitId: string; year: number }[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT s.id::text AS id, l.fiscal_year AS year
         FROM budget_line l
         JOIN budget_line_revision r ON r.line_id = l.id AND r.revision = l.current_revision
         CROSS JOIN LATERAL (VALUES (l.owner_unit_id), (r.beneficiary_unit_id)) AS s(id)
        WHERE s.id IS NOT NULL
        ORDER BY 2, 1`,
    )) as { id: string; year: number }[];
    return rows.map((r) => ({ subjectUnitId: r.id, year: r.year }));
  }
}
