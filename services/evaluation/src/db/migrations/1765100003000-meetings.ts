import { createRuleStatusTable, dropRuleStatusTable } from "@grassroots/events";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * R11: leadership work meetings of a banner's or the city's government or bureau, and the problems
 * they raise. A problem carried over to a later meeting stays (CARRIED_OVER) and is linked both ways
 * with the problem that continues it there. Also the shared rule-status ledger: evaluation's own
 * results (R11 per banner and year, R13 per unit) are published only when they flip.
 */
export class Meetings1765100003000 implements MigrationInterface {
  name = "Meetings1765100003000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_meeting (
        id                uuid PRIMARY KEY,
        holder_unit_id    uuid NOT NULL,
        meeting_date      date NOT NULL,
        kind              text NOT NULL CHECK (kind IN ('EXECUTIVE', 'SPECIAL', 'BUREAU')),
        chair             text NOT NULL CHECK (length(btrim(chair)) BETWEEN 1 AND 100),
        topics            text[] NOT NULL CHECK (cardinality(topics) BETWEEN 1 AND 50),
        studied_grassroots_statistics boolean NOT NULL,
        minutes_ref       text CHECK (length(minutes_ref) <= 200),
        recorded_by       text NOT NULL,
        recorded_by_name  text NOT NULL,
        version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX work_meeting_holder_idx ON work_meeting (holder_unit_id, meeting_date DESC)`);
    await q.query(`
      CREATE TABLE meeting_problem (
        id                    uuid PRIMARY KEY,
        meeting_id            uuid NOT NULL REFERENCES work_meeting (id),
        meeting_date          date NOT NULL,
        description           text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
        responsible_unit_id   uuid NOT NULL,
        responsible_person    text CHECK (length(responsible_person) <= 100),
        due_date              date NOT NULL,
        status                text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CARRIED_OVER')),
        resolution            text,
        evidence              text,
        resolved_on           date,
        carried_from_id       uuid REFERENCES meeting_problem (id),
        carried_to_id         uuid REFERENCES meeting_problem (id),
        overdue_at            timestamptz,
        version               integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_problem_due CHECK (due_date >= meeting_date),
        CONSTRAINT meeting_problem_resolved CHECK ((status = 'RESOLVED') = (resolution IS NOT NULL AND evidence IS NOT NULL AND resolved_on IS NOT NULL)),
        CONSTRAINT meeting_problem_carried CHECK ((status = 'CARRIED_OVER') = (carried_to_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX meeting_problem_meeting_idx ON meeting_problem (meeting_id)`);
    await q.query(
      `CREATE INDEX meeting_problem_open_due_idx ON meeting_problem (due_date) WHERE status IN ('OPEN', 'IN_PROGRESS')`,
    );
    await createRuleStatusTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRuleStatusTable(q);
    await q.query(`DROP TABLE meeting_problem`);
    await q.query(`DROP TABLE work_meeting`);
  }
}
