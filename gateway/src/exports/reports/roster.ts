import { unitIdParam } from "../params";
import type { Cell, ExportReport } from "../report";
import { tableMeta } from "./common";
import {
  AssignmentStatusLabel,
  EstablishmentLabel,
  GenderLabel,
  label,
  RoleLabel,
  TitleLabel,
} from "./labels";

/** People registered or posted at the unit or below, one row per current post (ID numbers as the API masks them). */
export const ROSTER_QUERY = `query ExportRoster($unitId: ID!, $first: Int!, $after: String) {
  statisticians(filter: { orgUnitId: $unitId }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        name gender ethnicity education title idNumber phone
        assignments(includeEnded: false) { role establishment status startDate orgUnit { code name } }
      }
    }
  }
}`;

// 50 people a page keeps the operation under the gateway's cost limit (assignments count as 10 each).
const PAGE = 50;

interface RosterPage {
  statisticians: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Person }[];
  };
}
interface Person {
  name: string;
  gender: string | null;
  ethnicity: string | null;
  education: string | null;
  title: string | null;
  idNumber: string | null;
  phone: string | null;
  assignments: {
    role: string;
    establishment: string;
    status: string;
    startDate: string;
    orgUnit: { code: string; name: string };
  }[];
}

export const rosterReport: ExportReport<{ unitId: string }> = {
  name: "roster",
  meta: tableMeta("基统1表"),
  params: (query, caller) => ({ unitId: unitIdParam(query, "unitId", caller.orgUnitId) }),
  async open(run, { unitId }) {
    const fetchPage = (after: string | null) =>
      run<RosterPage>(ROSTER_QUERY, { unitId, first: PAGE, after }).then((d) => d.statisticians);
    const first = await fetchPage(null);
    let seq = 0;
    let people = 0;
    const rowsOf = (edges: { node: Person }[]): Cell[][] =>
      edges.flatMap(({ node }) => {
        people += 1;
        const posts = node.assignments.length ? node.assignments : [null];
        // Empty cells stay empty (null), not empty strings.
        return posts.map((post) => [
          ++seq,
          node.name,
          label(GenderLabel, node.gender) || null,
          node.ethnicity,
          node.idNumber,
          node.phone,
          node.education,
          label(TitleLabel, node.title) || null,
          post?.orgUnit.name ?? null,
          post?.orgUnit.code ?? null,
          post ? label(RoleLabel, post.role) : null,
          post ? label(EstablishmentLabel, post.establishment) : null,
          post ? label(AssignmentStatusLabel, post.status) : null,
          post?.startDate ?? null,
        ]);
      });
    return {
      sheetName: "花名册",
      title: "统计人员花名册",
      unit: "人",
      columns: [
        "序号",
        "姓名",
        "性别",
        "民族",
        "身份证号",
        "联系电话",
        "学历",
        "职称",
        "所在单位",
        "单位代码",
        "岗位类别",
        "编制情况",
        "在岗状态",
        "到岗日期",
      ].map((header) => ({ header })),
      firstRows: rowsOf(first.edges),
      moreRows: async function* () {
        let page = first;
        while (page.pageInfo.hasNextPage) {
          page = await fetchPage(page.pageInfo.endCursor);
          yield rowsOf(page.edges);
        }
      },
      totals: () => ["合计", `${people}人`, ...Array<Cell>(12).fill(null)],
      notes: [
        "注：每人每个现任岗位一行；未任岗位的登记人员占一行。身份证号、联系电话按查询人角色脱敏，与系统接口一致。",
      ],
    };
  },
};
