import { Cacheable } from "@grassroots/kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Organization's entity, declared here by its key only (Federation 2); training adds its fields in org-unit.fields.ts. */
@Directive('@key(fields: "id")')
@Cacheable("summary")
@ObjectType("OrgUnit", { simpleResolvers: true })
export class OrgUnitType {
  @Field(() => ID) id: string;
}
