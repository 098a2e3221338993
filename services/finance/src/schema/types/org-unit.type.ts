import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Organization's entity, declared here by its key only (Federation 2); finance adds its fields in org-unit.fields.ts. */
@Directive('@key(fields: "id")')
@ObjectType("OrgUnit")
export class OrgUnitType {
  @Field(() => ID) id: string;
}
