import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Sessions (R6), enrolments with attendance and results, pre-post certificates (R7) and the
 * per-organizer, per-year counter their numbers come from. Nothing is deleted: sessions are cancelled
 * and enrolments withdrawn, with who and when.
 */
export class Training1764300001000 implements MigrationInterface {
  name = "Training1764300001000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_session (
        id                   uuid PRIMARY KEY,
        organizer_unit_id    uuid NOT NULL,
        kind                 text NOT NULL CHECK (kind IN ('COMPREHENSIVE', 'PRE_POST', 'SPECIALIZED')),
        title                text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        audience             text NOT NULL CHECK (audience IN ('BANNER_STAFF', 'GRASSROOTS_STAFF')),
        start_date           date NOT NULL,
        end_date             date NOT NULL,
        hours                integer NOT NULL CHECK (hours BETWEEN 1 AND 200),
        place                text,
        online               boolean NOT NULL DEFAULT false,
        capacity             integer NOT NULL CHECK (capacity BETWEEN 1 AND 2000),
        status               text NOT NULL CHECK (status IN ('PLANNED', 'OPEN', 'COMPLETED', 'CANCELLED')),
        planned_by           text NOT NULL,
        opened_at            timestamptz,
        opened_by            text,
        completed_at         timestamptz,
        completed_by         text,
        cancelled_at         timestamptz,
        cancelled_by         text,
        cancellation_reason  text,
        version              integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_session_dates CHECK (end_date >= start_date),
        CONSTRAINT training_session_place CHECK (online OR place IS NOT NULL),
        CONSTRAINT training_session_cancelled CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancellation_reason IS NOT NULL)),
        CONSTRAINT training_session_completed CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX training_session_organizer_idx ON training_session (organizer_unit_id, start_date DESC)`,
    );
    await q.query(`CREATE INDEX training_session_year_idx ON training_session (end_date, kind)`);
    await q.query(`
      CREATE TABLE training_enrollment (
        id                   uuid PRIMARY KEY,
        session_id           uuid NOT NULL REFERENCES training_session (id),
        statistician_id      uuid NOT NULL,
        status               text NOT NULL CHECK (status IN ('ENROLLED', 'WITHDRAWN')),
        enrolled_at          timestamptz NOT NULL DEFAULT now(),
        enrolled_by          text NOT NULL,
        withdrawn_at         timestamptz,
        withdrawn_by         text,
        withdrawal_reason    text,
        hours_attended       numeric(4,1) CHECK (hours_attended >= 0),
        result               text CHECK (result IN ('PASSED', 'FAILED', 'ABSENT')),
        score                numeric(4,1) CHECK (score BETWEEN 0 AND 100),
        result_recorded_at   timestamptz,
        result_recorded_by   text,
        version              integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        UNIQUE (session_id, statistician_id),
        CONSTRAINT training_enrollment_result_pair CHECK ((result IS NULL) = (hours_attended IS NULL)),
        CONSTRAINT training_enrollment_result_enrolled CHECK (result IS NULL OR status = 'ENROLLED'),
        CONSTRAINT training_enrollment_absent CHECK (result IS DISTINCT FROM 'ABSENT' OR (hours_attended = 0 AND score IS NULL)),
        CONSTRAINT training_enrollment_withdrawn CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX training_enrollment_person_idx ON training_enrollment (statistician_id)`);
    await q.query(`
      CREATE TABLE certificate_counter (
        organizer_unit_id  uuid NOT NULL,
        year               integer NOT NULL,
        last_seq           integer NOT NULL CHECK (last_seq >= 1),
        PRIMARY KEY (organizer_unit_id, year)
      )`);
    await q.query(`
      CREATE TABLE training_certificate (
        id                 uuid PRIMARY KEY,
        number             text NOT NULL UNIQUE,
        organizer_unit_id  uuid NOT NULL,
        year               integer NOT NULL,
        seq                integer NOT NULL CHECK (seq >= 1),
        enrollment_id      uuid NOT NULL UNIQUE REFERENCES training_enrollment (id),
        session_id         uuid NOT NULL REFERENCES training_session (id),
        statistician_id    uuid NOT NULL,
        kind               text NOT NULL CHECK (kind = 'PRE_POST'),
        completed_on       date NOT NULL,
        issued_by          text NOT NULL,
        issued_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organizer_unit_id, year, seq)
      )`);
    await q.query(
      `CREATE INDEX training_certificate_person_idx ON training_certificate (statistician_id, completed_on DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE training_certificate`);
    await q.query(`DROP TABLE certificate_counter`);
    await q.query(`DROP TABLE training_enrollment`);
    await q.query(`DROP TABLE training_session`);
  }
}
