import { Field, InputType, registerEnumType } from "type-graphql";
import { DIVISION_FILE_FORMATS, type DivisionFileFormat } from "../../domain/import/division-file";
import { REQUEST_ID } from "./request-id";

export const DivisionFileFormatEnum = Object.fromEntries(DIVISION_FILE_FORMATS.map((f) => [f, f])) as {
  [K in DivisionFileFormat]: K;
};
registerEnumType(DivisionFileFormatEnum, {
  name: "DivisionFileFormat",
  description:
    "CSV: UTF-8 text. XLSX: the workbook's bytes, base64-encoded (a data: URL prefix is accepted).",
});

@InputType("ImportDivisionsInput", {
  description:
    "A division file: a header row naming at least the code and name columns (code, name, kind, parent_code, " +
    "or 统计用区划代码/代码, 名称, 类型, 上级代码), title rows above it are skipped. At most 5 MB and 20,000 rows.",
})
export class ImportDivisionsInput {
  @Field(() => DivisionFileFormatEnum) format: DivisionFileFormat;
  @Field({ description: "The file: CSV as text, XLSX as base64." }) content: string;
  @Field({ defaultValue: false, description: "Check every row and report, writing and publishing nothing." })
  dryRun: boolean;
  @Field(() => String, {
    nullable: true,
    description: `${REQUEST_ID} With one, the whole import is one transaction and a retry returns its first report; a dry run ignores it.`,
  })
  requestId?: string | null;
}
