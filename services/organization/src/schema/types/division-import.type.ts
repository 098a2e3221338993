import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("DivisionImportRejection", {
  simpleResolvers: true,
  description: "A row the import did not apply, and why.",
})
export class DivisionImportRejectionType {
  @Field(() => Int, { description: "The row's line in the file (for XLSX its sheet row number)." })
  line: number;
  @Field({ description: "The code as the row gave it (may be empty or malformed)." }) code: string;
  @Field() reason: string;
}

@ObjectType("DivisionImportReport", {
  simpleResolvers: true,
  description:
    "What a division import did (or, in a dry run, would do): units created, updated, unchanged, and every " +
    "rejected row with its line and reason. Rows outside your area are rejected as not in your area.",
})
export class DivisionImportReportType {
  @Field({ description: "True when nothing was written: the counts say what the import would do." })
  dryRun: boolean;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int, { description: "How many rows were rejected (the length of `rejected`)." })
  rejectedCount: number;
  @Field(() => [DivisionImportRejectionType], { description: "In line order." })
  rejected: DivisionImportRejectionType[];
}
