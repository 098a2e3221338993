import type { MigrationInterface, QueryRunner } from "typeorm";

/** The org tree (R1): units with materialised paths, optimistic-lock versions and register counts. */
export class OrgUnits1764200000000 implements MigrationInterface {
  name = "OrgUnits1764200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_unit (
        id                   uuid PRIMARY KEY,
        code                 char(12) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{12}$'),
        name                 text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        kind                 text NOT NULL CHECK (kind IN ('CITY','DISTRICT','BANNER','SUBDISTRICT','TOWN','TOWNSHIP',
                                                           'SUMU','PARK','COMMUNITY','VILLAGE','GACHA')),
        parent_id            uuid REFERENCES org_unit (id),
        path                 text NOT NULL UNIQUE,
        depth                smallint NOT NULL CHECK (depth BETWEEN 0 AND 3),
        post_established     boolean NOT NULL DEFAULT false,
        post_established_on  date,
        register_count       integer CHECK (register_count >= 0),
        register_as_of       date,
        is_sample            boolean NOT NULL DEFAULT false,
        active               boolean NOT NULL DEFAULT true,
        deactivated_at       timestamptz,
        deactivated_by       text,
        deactivation_reason  text,
        version              integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT org_unit_register_pair CHECK ((register_count IS NULL) = (register_as_of IS NULL)),
        CONSTRAINT org_unit_root_is_city CHECK ((parent_id IS NULL) = (depth = 0)),
        CONSTRAINT org_unit_deactivation CHECK (active OR (deactivated_at IS NOT NULL AND deactivation_reason IS NOT NULL))
      )`);
    // Subtree reads are `path LIKE prefix%`: text_pattern_ops makes that an index range scan in any collation.
    await q.query(`CREATE INDEX org_unit_path_prefix_idx ON org_unit (path text_pattern_ops)`);
    await q.query(`CREATE INDEX org_unit_code_prefix_idx ON org_unit (code bpchar_pattern_ops)`);
    await q.query(`CREATE INDEX org_unit_parent_idx ON org_unit (parent_id, code)`);
    await q.query(`
      CREATE TABLE register_count_history (
        id           bigserial PRIMARY KEY,
        org_unit_id  uuid NOT NULL REFERENCES org_unit (id),
        count        integer NOT NULL CHECK (count >= 0),
        as_of        date NOT NULL,
        recorded_by  text NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX register_count_history_unit_idx ON register_count_history (org_unit_id, as_of DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE register_count_history`);
    await q.query(`DROP TABLE org_unit`);
  }
}
