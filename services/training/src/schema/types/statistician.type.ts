import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Personnel's entity, declared here by its key only (Federation 2); training adds its fields in statistician.fields.ts. */
@Directive('@key(fields: "id")')
@ObjectType("Statistician", { simpleResolvers: true })
export class StatisticianType {
  @Field(() => ID) id: string;
}
