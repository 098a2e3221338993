/**
 * SQL: `path` lies in the subtree whose own path is `prefix` (the unit itself included), where the
 * prefix is a column or an expression, not a constant (a join on the banner row, say).
 *
 * `path LIKE prefix || '%'` says the same, but PostgreSQL turns LIKE into an index range only for a
 * constant pattern: joined on a column it reads every projected unit (641,140 at national scale) for
 * each call. Paths are lowercase uuids and '/', all below '~' byte by byte, so the range
 * [prefix, prefix || '~') is exactly the subtree, and org_unit_path_prefix_idx (text_pattern_ops, whose
 * operators are ~>=~ and ~<~) serves it. The LIKE stays as the definition, checked on the rows found.
 */
export const pathUnder = (path: string, prefix: string): string =>
  `(${path} ~>=~ ${prefix} AND ${path} ~<~ (${prefix} || '~') AND ${path} LIKE ${prefix} || '%')`;
