import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * R13 supervision: inspections of a unit, their findings (each with a rectification deadline no
 * earlier than the inspection and a responsible unit) and the rectifications the unit submits, which
 * the inspector accepts or rejects with a reason. Nothing is deleted: a rejected rectification stays,
 * the finding goes back to OPEN. A finding is open until a rectification of it is accepted; overdue
 * while open past its deadline; escalated (flag and time) by the periodic check.
 */
export class Supervision1765100001000 implements MigrationInterface {
  name = "Supervision1765100001000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection (
        id                 uuid PRIMARY KEY,
        inspected_unit_id  uuid NOT NULL,
        inspection_date    date NOT NULL,
        kind               text NOT NULL CHECK (kind IN ('GOVERNMENT_SUPERVISION', 'BUSINESS_ASSESSMENT', 'DAILY_SUPERVISION')),
        inspector          text NOT NULL CHECK (length(btrim(inspector)) BETWEEN 1 AND 100),
        summary            text CHECK (length(summary) <= 2000),
        recorded_by        text NOT NULL,
        recorded_by_name   text NOT NULL,
        version            integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inspection_unit_idx ON inspection (inspected_unit_id, inspection_date DESC)`);
    await q.query(`
      CREATE TABLE finding (
        id                    uuid PRIMARY KEY,
        inspection_id         uuid NOT NULL REFERENCES inspection (id),
        inspection_date       date NOT NULL,
        category              text NOT NULL CHECK (length(btrim(category)) BETWEEN 1 AND 100),
        severity              text NOT NULL CHECK (severity IN ('MINOR', 'MAJOR', 'SERIOUS')),
        rule                  text CHECK (rule ~ '^R[0-9]+\\.[a-z-]+$'),
        description           text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
        deadline              date NOT NULL,
        responsible_unit_id   uuid NOT NULL,
        status                text NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'ACCEPTED')),
        overdue_at            timestamptz,
        escalated_at          timestamptz,
        version               integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT finding_deadline CHECK (deadline >= inspection_date),
        CONSTRAINT finding_escalated_overdue CHECK (escalated_at IS NULL OR overdue_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX finding_inspection_idx ON finding (inspection_id)`);
    await q.query(`CREATE INDEX finding_responsible_idx ON finding (responsible_unit_id, status)`);
    await q.query(`CREATE INDEX finding_open_deadline_idx ON finding (deadline) WHERE status <> 'ACCEPTED'`);
    await q.query(`
      CREATE TABLE rectification (
        id                uuid PRIMARY KEY,
        finding_id        uuid NOT NULL REFERENCES finding (id),
        measures          text NOT NULL CHECK (length(btrim(measures)) BETWEEN 1 AND 2000),
        evidence          text NOT NULL CHECK (length(btrim(evidence)) BETWEEN 1 AND 500),
        submitted_on      date NOT NULL,
        submitted_by      text NOT NULL,
        submitted_by_name text NOT NULL,
        decision          text CHECK (decision IN ('ACCEPTED', 'REJECTED')),
        rejection_reason  text,
        decided_by        text,
        decided_by_name   text,
        decided_at        timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rectification_decided CHECK ((decision IS NULL) = (decided_at IS NULL)),
        CONSTRAINT rectification_rejected CHECK ((decision = 'REJECTED') = (rejection_reason IS NOT NULL))
      )`);
    // one rectification awaiting a decision per finding
    await q.query(
      `CREATE UNIQUE INDEX rectification_pending_idx ON rectification (finding_id) WHERE decision IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rectification`);
    await q.query(`DROP TABLE finding`);
    await q.query(`DROP TABLE inspection`);
  }
}
