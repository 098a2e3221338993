import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * R12 assessments. A scheme version is one row, never updated: a change is the next version
 * (scheme_id, version). Its definition (indicators, bonus/deduction items, grade bands) is checked by
 * the domain before it is written and kept as the one jsonb it was checked as. An assessment is one
 * subject's scoring under a version, a correction its next revision (the earlier stays, superseded).
 * A published result set ranks the current assessments; a correction publishes the next revision of
 * the set naming the one it supersedes. rule_status_history keeps every result received, so AUTO
 * indicators read the metrics as they stood at the cut-off date.
 */
export class Assessment1765100002000 implements MigrationInterface {
  name = "Assessment1765100002000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_status_history (
        rule               text NOT NULL,
        subject_unit_id    uuid NOT NULL,
        subject_unit_path  text NOT NULL,
        period_key         text NOT NULL,
        status             text NOT NULL CHECK (status IN ('MET', 'NOT_MET', 'NOT_APPLICABLE', 'UNKNOWN')),
        as_of              timestamptz NOT NULL,
        PRIMARY KEY (rule, subject_unit_id, period_key, as_of)
      )`);
    await q.query(
      `CREATE INDEX rule_status_history_path_idx ON rule_status_history (subject_unit_path text_pattern_ops, as_of)`,
    );
    await q.query(`
      INSERT INTO rule_status_history (rule, subject_unit_id, subject_unit_path, period_key, status, as_of)
      SELECT rule, subject_unit_id, subject_unit_path, period_key, status, as_of FROM rule_status`);
    await q.query(`
      CREATE TABLE assessment_scheme (
        id               uuid PRIMARY KEY,
        scheme_id        uuid NOT NULL,
        version          integer NOT NULL CHECK (version >= 1),
        owner_unit_id    uuid NOT NULL,
        name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        subject_kinds    text[] NOT NULL CHECK (cardinality(subject_kinds) >= 1),
        cut_off_date     date NOT NULL,
        definition       jsonb NOT NULL CHECK (jsonb_typeof(definition -> 'indicators') = 'array'),
        is_sample        boolean NOT NULL DEFAULT false,
        created_by       text NOT NULL,
        created_by_name  text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scheme_id, version)
      )`);
    await q.query(`CREATE INDEX assessment_scheme_owner_idx ON assessment_scheme (owner_unit_id, year)`);
    await q.query(`
      CREATE TABLE assessment (
        id                  uuid PRIMARY KEY,
        scheme_version_id   uuid NOT NULL REFERENCES assessment_scheme (id),
        subject_unit_id     uuid NOT NULL,
        revision            integer NOT NULL CHECK (revision >= 1),
        supersedes_id       uuid REFERENCES assessment (id),
        correction_reason   text,
        superseded          boolean NOT NULL DEFAULT false,
        status              text NOT NULL CHECK (status IN ('DRAFT', 'SCORED', 'REVIEWED', 'PUBLISHED')),
        scored_at           timestamptz,
        reviewed_by         text,
        reviewed_by_name    text,
        reviewed_at         timestamptz,
        published_at        timestamptz,
        version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scheme_version_id, subject_unit_id, revision),
        CONSTRAINT assessment_correction CHECK ((revision = 1) = (supersedes_id IS NULL) AND (supersedes_id IS NULL) = (correction_reason IS NULL)),
        CONSTRAINT assessment_scored CHECK (status = 'DRAFT' OR scored_at IS NOT NULL),
        CONSTRAINT assessment_reviewed CHECK (status NOT IN ('REVIEWED', 'PUBLISHED') OR reviewed_at IS NOT NULL),
        CONSTRAINT assessment_published CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL)),
        CONSTRAINT assessment_superseded CHECK (NOT superseded OR status = 'PUBLISHED')
      )`);
    await q.query(`CREATE INDEX assessment_subject_idx ON assessment (subject_unit_id)`);
    await q.query(`
      CREATE TABLE assessment_score (
        assessment_id   uuid NOT NULL REFERENCES assessment (id),
        indicator_code  text NOT NULL,
        kind            text NOT NULL CHECK (kind IN ('MANUAL', 'AUTO')),
        points          integer NOT NULL CHECK (points >= 0),
        score           integer CHECK (score >= 0),
        metric_value    integer,
        figures         jsonb,
        evidence        text,
        comment         text,
        scored_by       text NOT NULL,
        scored_by_name  text NOT NULL,
        scored_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_id, indicator_code),
        CONSTRAINT assessment_score_kind CHECK (
          (kind = 'MANUAL' AND score IS NOT NULL AND metric_value IS NULL)
          OR (kind = 'AUTO' AND metric_value IS NOT NULL AND figures IS NOT NULL AND score IS NULL))
      )`);
    await q.query(`
      CREATE TABLE assessment_adjustment (
        id              uuid PRIMARY KEY,
        assessment_id   uuid NOT NULL REFERENCES assessment (id),
        item_code       text NOT NULL,
        points          integer NOT NULL CHECK (points > 0),
        reason          text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        recorded_by     text NOT NULL,
        recorded_by_name text NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX assessment_adjustment_idx ON assessment_adjustment (assessment_id)`);
    await q.query(`
      CREATE TABLE assessment_result_set (
        id                 uuid PRIMARY KEY,
        scheme_version_id  uuid NOT NULL REFERENCES assessment_scheme (id),
        revision           integer NOT NULL CHECK (revision >= 1),
        supersedes_id      uuid REFERENCES assessment_result_set (id),
        reason             text,
        published_at       timestamptz NOT NULL,
        published_by       text NOT NULL,
        published_by_name  text NOT NULL,
        UNIQUE (scheme_version_id, revision),
        CONSTRAINT assessment_result_set_revision CHECK ((revision = 1) = (supersedes_id IS NULL) AND (supersedes_id IS NULL) = (reason IS NULL))
      )`);
    await q.query(`
      CREATE TABLE assessment_result (
        result_set_id    uuid NOT NULL REFERENCES assessment_result_set (id),
        assessment_id    uuid NOT NULL REFERENCES assessment (id),
        subject_unit_id  uuid NOT NULL,
        total            integer NOT NULL CHECK (total >= 0),
        rank             integer NOT NULL CHECK (rank >= 1),
        grade            text,
        PRIMARY KEY (result_set_id, subject_unit_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      "assessment_result",
      "assessment_result_set",
      "assessment_adjustment",
      "assessment_score",
      "assessment",
      "assessment_scheme",
      "rule_status_history",
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
