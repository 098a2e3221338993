/**
 * SQL conditions of what a caller sees. Lists and lookups pass the prefix from `readScope(ctx)` as a
 * parameter; references compute it from the caller's home unit inside the same statement
 * (`homeScope`), so resolving a batch stays one statement. An unknown or deactivated home unit
 * matches nothing.
 */
export const homeScope = (home: string) =>
  `(SELECT v.path FROM org_unit v WHERE v.id = ${home}::uuid AND v.active)`;

export const pathInScope = (path: string, scope: string) => `${path} LIKE ${scope} || '%'`;

/** A line the caller sees: its owner or its beneficiary lies inside their subtree. */
export const lineInScope = (ownerId: string, beneficiaryId: string, scope: string) =>
  `EXISTS (SELECT 1 FROM org_unit vu WHERE vu.id IN (${ownerId}, ${beneficiaryId}) AND ${pathInScope("vu.path", scope)})`;
