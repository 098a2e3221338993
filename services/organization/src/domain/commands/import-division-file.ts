import type { Access } from "@grassroots/kit/identity";
import { policyFor } from "../access-policy";
import type { OrganizationServices } from "../ports";
import {
  IMPORT_LIMITS,
  readDivisionFile,
  type DivisionFile,
  type ImportLimits,
} from "../import/division-file";
import { oncePerRequest, type Retryable } from "./common";
import {
  importDivisions,
  importDivisionsIn,
  type ImportOptions,
  type ImportReport,
} from "./import-divisions";

export interface ImportFileRequest extends DivisionFile, Retryable {
  dryRun: boolean;
  /** Called after each chunk of rows is applied (the mutation logs the rate and ETA). */
  onProgress?: ImportOptions["onProgress"];
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
  const options = {
    actor: access.identity.userId,
    policy: policyFor(access),
    area: access,
    onProgress: request.onProgress,
  };
  const { uow, clock } = services;
  // A dry run writes nothing, so it needs no requestId: it may be repeated as it is.
  if (request.requestId === undefined || request.dryRun) {
    return importDivisions(uow, clock, rows, { ...options, dryRun: request.dryRun });
  }
  // With a requestId the whole import is one transaction, its report kept for a retry.
  const { requestId, format, content } = request;
  const done = await uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "importDivisions", actorId: options.actor, input: { requestId, format, content } },
      async () => {
        const report = await importDivisionsIn(tx, clock, rows, options);
        return { id: await tx.imports.record(report, options.actor), report };
      },
      (result) => result.id,
      async (id) => {
        const report = await tx.imports.get(id);
        return report && { id, report };
      },
    ),
  );
  return done.report;
}
