import type { DataSource } from "typeorm";
import type { Clock, PersonnelServices, PersonnelSettings } from "../domain/ports";
import { systemClock } from "../domain/values";
import { SqlPersonnelReads } from "./repositories/reads";
import { SqlUnitOfWork } from "./unit-of-work";

export function createServices(
  dataSource: DataSource,
  settings: PersonnelSettings,
  clock: Clock = systemClock,
): PersonnelServices {
  return { uow: new SqlUnitOfWork(dataSource), reads: new SqlPersonnelReads(dataSource), clock, settings };
}
