import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Personnel's entity, declared here by its key only (Federation 2); evaluation adds `commendations`. */
@Directive('@key(fields: "id")')
@ObjectType("Statistician")
export class StatisticianType {
  @Field(() => ID) id: string;
}
