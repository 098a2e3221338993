import type { DataSource } from "typeorm";
import type { Clock, PersonnelServices, PersonnelSettings } from "../domain/ports";
import { systemClock } from "../domain/values";
import { SqlAssignmentReads } from "./repositories/assignment.reads";
import { SqlFilingReads } from "./repositories/filing.reads";
import { SqlOrgUnitReads } from "./repositories/org-unit.reads";
import { SqlStaffingReads } from "./repositories/staffing.reads";
import { SqlStatisticianReads } from "./repositories/statistician.reads";
import { TypeOrmUnitOfWork } from "./unit-of-work";

export function createServices(
  dataSource: DataSource,
  settings: PersonnelSettings,
  clock: Clock = systemClock,
): PersonnelServices {
  return {
    uow: new TypeOrmUnitOfWork(dataSource),
    units: new SqlOrgUnitReads(dataSource),
    statisticians: new SqlStatisticianReads(dataSource),
    assignments: new SqlAssignmentReads(dataSource),
    filings: new SqlFilingReads(dataSource),
    staffing: new SqlStaffingReads(dataSource),
    clock,
    settings,
  };
}
