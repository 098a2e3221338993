import { TABLE_FORMATS, type TableFormat } from "@grassroots/table-files";
import { Field, InputType, registerEnumType } from "type-graphql";
import { REQUEST_ID } from "./request-id";

export const RosterFileFormatEnum = Object.fromEntries(TABLE_FORMATS.map((f) => [f, f])) as {
  [K in TableFormat]: K;
};
registerEnumType(RosterFileFormatEnum, {
  name: "RosterFileFormat",
  description:
    "CSV: UTF-8 text. XLSX: the workbook's bytes, base64-encoded (a data: URL prefix is accepted).",
});

@InputType("ImportStatisticianRosterInput", {
  description:
    "A statistician roster (花名册): a header row naming 姓名/name, 身份证号/id_number, 单位代码/unit_code, " +
    "岗位/role, 编制/establishment and 到岗日期/start_date (optional 性别, 民族, 联系电话, 学历, 职称); title rows " +
    "above it are skipped, so the gateway's roster export imports back. At most 5 MB and 20,000 rows.",
})
export class ImportStatisticianRosterInput {
  @Field(() => RosterFileFormatEnum) format: TableFormat;
  @Field({ description: "The file: CSV as text, XLSX as base64." }) content: string;
  @Field({ defaultValue: false, description: "Check every row and report, writing and publishing nothing." })
  dryRun: boolean;
  @Field(() => String, {
    nullable: true,
    description: `${REQUEST_ID} The whole import is one transaction; with a requestId a retry returns its first report. A dry run ignores it.`,
  })
  requestId?: string | null;
}
