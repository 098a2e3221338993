import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * R12 commendations (先进单位、先进个人) and what they need from personnel's events: who holds which
 * post (statistician names and their assignments, newest version kept; no foreign keys, events arrive
 * in any order). A quota per year, banner and kind is a number or a share (hundredths of a percent)
 * of the banner's units or staff, exactly one of the two. A commendation names a unit (from its
 * published assessment) or a statistician, once per year and kind.
 */
export class Commendations1765100004000 implements MigrationInterface {
  name = "Commendations1765100004000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statistician (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        version       integer NOT NULL CHECK (version >= 1),
        projected_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE statistician_assignment (
        id               uuid PRIMARY KEY,
        statistician_id  uuid NOT NULL,
        org_unit_id      uuid NOT NULL,
        org_unit_path    text NOT NULL,
        status           text NOT NULL CHECK (status IN ('PENDING_TRAINING', 'ACTIVE', 'ENDED')),
        start_date       date NOT NULL,
        end_date         date,
        version          integer NOT NULL CHECK (version >= 1),
        projected_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX statistician_assignment_person_idx ON statistician_assignment (statistician_id)`,
    );
    await q.query(
      `CREATE INDEX statistician_assignment_path_idx ON statistician_assignment (org_unit_path text_pattern_ops)`,
    );
    await q.query(`
      CREATE TABLE commendation_quota (
        year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        banner_unit_id  uuid NOT NULL,
        kind            text NOT NULL CHECK (kind IN ('UNIT', 'INDIVIDUAL')),
        max_count       integer CHECK (max_count >= 0),
        max_share       integer CHECK (max_share BETWEEN 0 AND 10000),
        set_by          text NOT NULL,
        set_by_name     text NOT NULL,
        version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (year, banner_unit_id, kind),
        CONSTRAINT commendation_quota_one CHECK ((max_count IS NULL) <> (max_share IS NULL))
      )`);
    await q.query(`
      CREATE TABLE commendation (
        id                 uuid PRIMARY KEY,
        year               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind               text NOT NULL CHECK (kind IN ('UNIT', 'INDIVIDUAL')),
        banner_unit_id     uuid NOT NULL,
        nominee_unit_id    uuid NOT NULL,
        statistician_id    uuid,
        assessment_id      uuid REFERENCES assessment (id),
        citation           text NOT NULL CHECK (length(btrim(citation)) BETWEEN 1 AND 1000),
        status             text NOT NULL CHECK (status IN ('RECOMMENDED', 'APPROVED', 'REJECTED', 'PUBLISHED')),
        recommended_by     text NOT NULL,
        recommended_by_name text NOT NULL,
        decided_by         text,
        decided_by_name    text,
        decided_at         timestamptz,
        rejection_reason   text,
        published_at       timestamptz,
        version            integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT commendation_nominee CHECK ((kind = 'UNIT') = (statistician_id IS NULL) AND (kind = 'UNIT') = (assessment_id IS NOT NULL)),
        CONSTRAINT commendation_rejected CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL)),
        CONSTRAINT commendation_published CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX commendation_once_idx ON commendation (year, kind, coalesce(statistician_id, nominee_unit_id)) WHERE status <> 'REJECTED'`,
    );
    await q.query(`CREATE INDEX commendation_banner_idx ON commendation (year, banner_unit_id, kind)`);
    await q.query(
      `CREATE INDEX commendation_person_idx ON commendation (statistician_id) WHERE statistician_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ["commendation", "commendation_quota", "statistician_assignment", "statistician"])
      await q.query(`DROP TABLE ${t}`);
  }
}
