import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 八有八化 (R2) as data: versioned standards and their items, township assessments item by item,
 * recognition batches. A standard version that assessments use can no longer be changed (trigger).
 */
export class Standardization1764200001000 implements MigrationInterface {
  name = "Standardization1764200001000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE standardization_standard (
        id              uuid PRIMARY KEY,
        code            text NOT NULL,
        version         integer NOT NULL CHECK (version >= 1),
        title           text NOT NULL,
        source          text NOT NULL,
        effective_from  date NOT NULL,
        is_sample       boolean NOT NULL DEFAULT false,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (code, version)
      )`);
    await q.query(`
      CREATE TABLE standard_item (
        id           uuid PRIMARY KEY,
        standard_id  uuid NOT NULL REFERENCES standardization_standard (id),
        ordinal      integer NOT NULL CHECK (ordinal >= 1),
        item_group   text NOT NULL CHECK (item_group IN ('HAVE', 'IZATION')),
        code         text NOT NULL,
        name_zh      text NOT NULL,
        name_en      text NOT NULL,
        description  text,
        UNIQUE (standard_id, code),
        UNIQUE (standard_id, ordinal)
      )`);
    await q.query(`
      CREATE TABLE standardization_assessment (
        id                 uuid PRIMARY KEY,
        org_unit_id        uuid NOT NULL REFERENCES org_unit (id),
        standard_id        uuid NOT NULL REFERENCES standardization_standard (id),
        assessed_on        date NOT NULL,
        assessed_by        text NOT NULL,
        result             text NOT NULL CHECK (result IN ('STANDARDIZED', 'NOT_STANDARDIZED')),
        items_met          integer NOT NULL CHECK (items_met >= 0),
        items_total        integer NOT NULL CHECK (items_total >= 1),
        recognition_batch  integer CHECK (recognition_batch >= 1),
        recognition_year   integer,
        recognized_by      text,
        recognized_at      timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessment_recognition_pair CHECK ((recognition_batch IS NULL) = (recognition_year IS NULL)),
        CONSTRAINT assessment_recognized_only_standardized CHECK (recognition_batch IS NULL OR result = 'STANDARDIZED'),
        CONSTRAINT assessment_result_rule CHECK ((result = 'STANDARDIZED') = (items_met = items_total))
      )`);
    await q.query(
      `CREATE INDEX standardization_assessment_unit_idx ON standardization_assessment (org_unit_id, assessed_on DESC, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE assessment_item (
        assessment_id     uuid NOT NULL REFERENCES standardization_assessment (id),
        standard_item_id  uuid NOT NULL REFERENCES standard_item (id),
        status            text NOT NULL CHECK (status IN ('MET', 'PARTLY_MET', 'NOT_MET')),
        evidence          text NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, standard_item_id)
      )`);
    await q.query(`
      CREATE FUNCTION standard_version_in_use() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE standard uuid := CASE TG_TABLE_NAME WHEN 'standard_item' THEN OLD.standard_id ELSE OLD.id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM standardization_assessment WHERE standard_id = standard) THEN
          RAISE EXCEPTION 'standard version % is used by assessments; define a new version instead', standard
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER standard_frozen BEFORE UPDATE OR DELETE ON standardization_standard
                   FOR EACH ROW EXECUTE FUNCTION standard_version_in_use()`);
    await q.query(`CREATE TRIGGER standard_item_frozen BEFORE UPDATE OR DELETE ON standard_item
                   FOR EACH ROW EXECUTE FUNCTION standard_version_in_use()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_item`);
    await q.query(`DROP TABLE standardization_assessment`);
    await q.query(`DROP TABLE standard_item`);
    await q.query(`DROP TABLE standardization_standard`);
    await q.query(`DROP FUNCTION standard_version_in_use()`);
  }
}
