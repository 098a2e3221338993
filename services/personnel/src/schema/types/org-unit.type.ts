import { Cacheable } from "@grassroots/kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The organization service's OrgUnit, which personnel extends with `statisticians` and `staffing`.
 * Personnel resolves only the key; every other field comes from organization through the gateway.
 */
@Directive('@key(fields: "id")')
@Cacheable("summary")
@ObjectType("OrgUnit", { simpleResolvers: true })
export class OrgUnitRefType {
  @Field(() => ID) id: string;
}

export const unitRef = (id: string | null | undefined): OrgUnitRefType | null => (id ? { id } : null);
