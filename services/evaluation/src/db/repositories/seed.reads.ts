import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { Between, type DataSource } from "typeorm";
import type { SeedReads } from "../../domain/ports";
import type { AssessmentScheme } from "../../domain/scheme";
import { ResultSetEntity } from "../entities/assessment.entity";
import { WorkMeetingEntity } from "../entities/meeting.entity";
import { AssessmentSchemeEntity } from "../entities/scheme.entity";
import { InspectionEntity } from "../entities/supervision.entity";

/** The seed's reads. */
export class SqlSeedReads implements SeedReads {
  constructor(private readonly dataSource: DataSource) {}

  projectedUnits(): Promise<number> {
    return this.dataSource.manager.count(OrgUnitProjectionEntity);
  }

  activeUnits(): Promise<OrgUnitProjection[]> {
    return this.dataSource.manager.find(OrgUnitProjectionEntity, {
      where: { active: true },
      order: { code: "ASC" },
    });
  }

  async sampleScheme(ownerUnitId: string, year: number): Promise<AssessmentScheme | undefined> {
    return (
      (await this.dataSource.manager.findOne(AssessmentSchemeEntity, {
        where: { ownerUnitId, year, isSample: true },
        order: { version: "DESC" },
      })) ?? undefined
    );
  }

  meetingExists(holderUnitId: string, minutesRef: string): Promise<boolean> {
    return this.dataSource.manager.exists(WorkMeetingEntity, { where: { holderUnitId, minutesRef } });
  }

  inspectionExists(inspectedUnitId: string, inspector: string, year: number): Promise<boolean> {
    return this.dataSource.manager.exists(InspectionEntity, {
      where: { inspectedUnitId, inspector, inspectionDate: Between(`${year}-01-01`, `${year}-12-31`) },
    });
  }

  resultPublished(schemeVersionId: string): Promise<boolean> {
    return this.dataSource.manager.exists(ResultSetEntity, { where: { schemeVersionId } });
  }
}
