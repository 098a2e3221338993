import { opt } from "@grassroots/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { importStatisticianRoster } from "../../domain/commands/import-roster";
import type { RosterImportReport } from "../../domain/import/roster-plan";
import type { PersonnelServices } from "../../domain/ports";
import { changePolicy, type GraphQLContext } from "../context";
import { ImportStatisticianRosterInput } from "../inputs/roster-import.inputs";
import { RosterImportReportType } from "../types/roster-import.type";

/** The roster import for the roles that appoint (CITY_ADMIN, BANNER_ADMIN, UNIT_CLERK), in their area. */
@Resolver()
export class RosterImportMutations {
  constructor(private readonly services: PersonnelServices) {}

  @Mutation(() => RosterImportReportType, {
    description:
      "Imports a statistician roster (CSV or XLSX) into your area: registers new people and appoints them, through " +
      "the same rules and events as registerStatistician and appointStatistician. CITY_ADMIN, BANNER_ADMIN, UNIT_CLERK.",
  })
  async importStatisticianRoster(
    @Arg("input") input: ImportStatisticianRosterInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RosterImportReport> {
    const { uow, clock, settings } = this.services;
    return importStatisticianRoster(uow, await changePolicy(ctx), clock, settings, {
      format: input.format,
      content: input.content,
      dryRun: input.dryRun,
      requestId: opt(input.requestId),
    });
  }
}
