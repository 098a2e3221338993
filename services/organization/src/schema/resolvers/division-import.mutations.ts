import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { importDivisionFile } from "../../domain/commands/import-division-file";
import { progressMeter } from "../../domain/import/import-progress";
import type { ImportReport } from "../../domain/commands/import-divisions";
import type { OrganizationServices } from "../../domain/ports";
import type { GraphQLContext } from "../context";
import { ImportDivisionsInput } from "../inputs/division-import.inputs";
import { DivisionImportReportType } from "../types/division-import.type";

export type DivisionImportReport = ImportReport & { dryRun: boolean; rejectedCount: number };

/** The division import for CITY_ADMIN and BANNER_ADMIN, scoped to the caller's area. */
@Resolver()
export class DivisionImportMutations {
  constructor(private readonly services: OrganizationServices) {}

  @Mutation(() => DivisionImportReportType, {
    description:
      "Imports a division file (CSV or XLSX) into your area: creates new units, renames or re-kinds changed ones, " +
      "through the same rules and events as createOrgUnit and updateOrgUnit. CITY_ADMIN, BANNER_ADMIN (below their banner).",
  })
  async importDivisions(
    @Arg("input") input: ImportDivisionsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DivisionImportReport> {
    const meter = progressMeter();
    const report = await importDivisionFile(this.services, await ctx.access(), {
      format: input.format,
      content: input.content,
      dryRun: input.dryRun,
      requestId: opt(input.requestId),
      // Counts and rates only, never a row's content.
      onProgress: (done, total) => ctx.logger.info(meter(done, total), "division import progress"),
    });
    return { ...report, dryRun: input.dryRun, rejectedCount: report.rejected.length };
  }
}
