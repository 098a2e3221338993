import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("RosterImportRejection", {
  simpleResolvers: true,
  description:
    "A row the import did not apply, and why: named by line, unit code and name (never the ID number or phone).",
})
export class RosterImportRejectionType {
  @Field(() => Int, { description: "The row's line in the file (for XLSX its sheet row number)." })
  line: number;
  @Field({ description: "The unit code as the row gave it (may be empty or unknown)." }) unitCode: string;
  @Field(() => String, { nullable: true, description: "The person's name as the row gave it." })
  name: string | null;
  @Field() reason: string;
}

@ObjectType("RosterImportReport", {
  simpleResolvers: true,
  description:
    "What a roster import did (or, in a dry run, would do): people registered, posts appointed (PENDING_TRAINING " +
    "until pre-post training, R7; each filed, R5), rows unchanged (the person already holds that post), and every " +
    "rejected row with its line and reason. Rows for units outside your area are rejected as not in your area.",
})
export class RosterImportReportType {
  @Field({ description: "True when nothing was written: the counts say what the import would do." })
  dryRun: boolean;
  @Field(() => Int) registered: number;
  @Field(() => Int) appointed: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int, { description: "How many rows were rejected (the length of `rejected`)." })
  rejectedCount: number;
  @Field(() => [RosterImportRejectionType], { description: "In line order." })
  rejected: RosterImportRejectionType[];
}
