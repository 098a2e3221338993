import { Query, Resolver } from "type-graphql";
import type { OrganizationServices } from "../../domain/ports";
import type { Standard } from "../../domain/standardization";
import { StandardType } from "../types/standard.type";

@Resolver()
export class StandardQueries {
  constructor(private readonly services: OrganizationServices) {}

  @Query(() => [StandardType], {
    description: "Every version of every 八有八化 standard (reference data, readable by all).",
  })
  standardizationStandards(): Promise<Standard[]> {
    return this.services.standardization.standards();
  }
}
