import { Cacheable } from "@grassroots/kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Entities owned by other subgraphs, declared here by their key only (Federation 2); training adds
 * its own fields to them in the resolvers.
 */

@Directive('@key(fields: "id")')
@Cacheable("summary")
@ObjectType("OrgUnit")
export class OrgUnitType {
  @Field(() => ID) id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Statistician")
export class StatisticianType {
  @Field(() => ID) id: string;
}
