import type { QueryRunner } from "typeorm";

/**
 * The `org_unit` projection table, the same in every service that consumes organization's units. The
 * kit's `orgUnitHomePath` (the caller's home unit, for every access check) relies on its
 * `org_unit(id, path, active)` columns: that is the contract between the two.
 *
 * The kinds are written out, not taken from the contract's list, so that this migration step stays
 * what it was when it ran; a test fails when the contract's kinds and this list part.
 */
export const ORG_UNIT_KINDS_SQL = `'CITY','DISTRICT','BANNER','SUBDISTRICT','TOWN','TOWNSHIP','SUMU','PARK','COMMUNITY','VILLAGE','GACHA'`;

const CHECKS: Record<string, string> = {
  org_unit_kind_check: `CHECK (kind IN (${ORG_UNIT_KINDS_SQL}))`,
  org_unit_depth_check: `CHECK (depth BETWEEN 0 AND 3)`,
  org_unit_register_count_check: `CHECK (register_count >= 0)`,
  org_unit_version_check: `CHECK (version >= 1)`,
};

const INDEXES = [
  // Subtree reads are `path LIKE prefix%`: text_pattern_ops makes that an index range scan in any collation.
  `CREATE INDEX IF NOT EXISTS org_unit_path_prefix_idx ON org_unit (path text_pattern_ops)`,
  `CREATE INDEX IF NOT EXISTS org_unit_code_idx ON org_unit (code)`,
];

/** Creates the projection table (in a service's migration). Rows are written only by organization's events. */
export async function createOrgUnitProjectionTable(q: QueryRunner): Promise<void> {
  const check = (name: string) => `CONSTRAINT ${name} ${CHECKS[name]}`;
  await q.query(`
    CREATE TABLE org_unit (
      id              uuid PRIMARY KEY,
      code            char(12) NOT NULL,
      name            text NOT NULL,
      kind            text NOT NULL ${check("org_unit_kind_check")},
      parent_id       uuid,
      path            text NOT NULL,
      depth           smallint NOT NULL ${check("org_unit_depth_check")},
      register_count  integer ${check("org_unit_register_count_check")},
      active          boolean NOT NULL,
      version         integer NOT NULL ${check("org_unit_version_check")},
      projected_at    timestamptz NOT NULL DEFAULT now()
    )`);
  for (const sql of INDEXES) await q.query(sql);
}

/**
 * Brings an `org_unit` projection created before this package (personnel's or training's) to the
 * shape `createOrgUnitProjectionTable` makes, for a service's NEW migration: `received_at` becomes
 * `projected_at`; `depth` is added and filled from the path; `register_count` is added (null until the
 * unit's next event, or a replay of organization's topic); missing CHECKs and indexes are added. Running
 * it on a table already in shape changes nothing.
 */
export async function upgradeOrgUnitProjectionTable(q: QueryRunner): Promise<void> {
  const columns = new Set(
    (
      (await q.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'org_unit'`,
      )) as { column_name: string }[]
    ).map((c) => c.column_name),
  );
  if (columns.has("received_at") && !columns.has("projected_at")) {
    await q.query(`ALTER TABLE org_unit RENAME COLUMN received_at TO projected_at`);
  } else if (!columns.has("projected_at")) {
    await q.query(`ALTER TABLE org_unit ADD COLUMN projected_at timestamptz NOT NULL DEFAULT now()`);
  }
  if (!columns.has("depth")) {
    await q.query(`ALTER TABLE org_unit ADD COLUMN depth smallint`);
    await q.query(`UPDATE org_unit SET depth = array_length(string_to_array(rtrim(path, '/'), '/'), 1) - 1`);
    await q.query(`ALTER TABLE org_unit ALTER COLUMN depth SET NOT NULL`);
  }
  if (!columns.has("register_count")) {
    await q.query(`ALTER TABLE org_unit ADD COLUMN register_count integer`);
  }
  const existing = new Set(
    (
      (await q.query(
        `SELECT conname FROM pg_constraint WHERE conrelid = 'org_unit'::regclass AND contype = 'c'`,
      )) as { conname: string }[]
    ).map((c) => c.conname),
  );
  for (const [name, check] of Object.entries(CHECKS)) {
    if (!existing.has(name)) await q.query(`ALTER TABLE org_unit ADD CONSTRAINT ${name} ${check}`);
  }
  for (const sql of INDEXES) await q.query(sql);
}

/** The down of `createOrgUnitProjectionTable`. */
export async function dropOrgUnitProjectionTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE org_unit`);
}
