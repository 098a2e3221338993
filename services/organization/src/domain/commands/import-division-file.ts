import type { Access } from "@grassroots/kit/identity";
import { policyFor } from "../access-policy";
import type { OrganizationServices } from "../ports";
import {
  IMPORT_LIMITS,
  readDivisionFile,
  type DivisionFile,
  type ImportLimits,
} from "../import/division-file";
import { importDivisions, type ImportReport } from "./import-divisions";

export interface ImportFileRequest extends DivisionFile {
  dryRun: boolean;
}

/**
 * The division import as a caller's command (the API's importDivisions), in the order of the refusal
 * policy: the role (CITY_ADMIN or BANNER_ADMIN, else FORBIDDEN), then the file as a whole
 * (BAD_USER_INPUT), then each row: outside the caller's area it is rejected worded as a missing parent,
 * inside it goes through the caller's change policy like any createOrgUnit or updateOrgUnit.
 */
export async function importDivisionFile(
  services: Pick<OrganizationServices, "uow" | "clock">,
  access: Access,
  request: ImportFileRequest,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<ImportReport> {
  access.requireRole("import divisions", "CITY_ADMIN", "BANNER_ADMIN");
  const rows = await readDivisionFile(request, limits);
  return importDivisions(services.uow, services.clock, rows, {
    actor: access.identity.userId,
    policy: policyFor(access),
    area: access,
    dryRun: request.dryRun,
  });
}
