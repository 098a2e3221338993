import { systemClock } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import type { Clock, OrganizationServices } from "../domain/ports";
import { TypeOrmOrgUnitReads } from "./repositories/org-unit.reads";
import { TypeOrmStandardizationReads } from "./repositories/standardization.reads";
import { TypeOrmUnitOfWork } from "./unit-of-work";

export function createServices(dataSource: DataSource, clock: Clock = systemClock): OrganizationServices {
  return {
    uow: new TypeOrmUnitOfWork(dataSource),
    units: new TypeOrmOrgUnitReads(dataSource),
    standardization: new TypeOrmStandardizationReads(dataSource),
    clock,
  };
}
