import type { ApolloServer } from "@apollo/server";
import { sendJson, type Logger } from "@grassroots/kit";
import { GraphQLError } from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TokenVerifier } from "../auth/verify-token";
import { authenticate } from "../server/authenticate";
import type { GatewayContext } from "../server/gateway-context";
import { chinaToday } from "./params";
import { ExportRefusal } from "./report";
import { exportReports } from "./reports";
import { operationRunner } from "./run-operation";
import { writeStatSheet } from "./stat-sheet";

export const EXPORTS_PREFIX = "/exports/";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FILER = `query ExportFiler($id: ID!) { orgUnit(id: $id) { name } }`;

export interface ExportDeps {
  apollo: ApolloServer<GatewayContext>;
  verify: TokenVerifier;
  logger: Logger;
}

/**
 * GET /exports/<report>.xlsx: the token is checked as on /graphql (401), then the report name (404),
 * its parameters (400 naming the parameter), then the report's operations run as the caller (their
 * GraphQL refusal with its code). Only then does the file start streaming.
 */
export async function serveExport(
  deps: ExportDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  requestId: string,
): Promise<void> {
  try {
    if (req.method !== "GET") throw new ExportRefusal("METHOD_NOT_ALLOWED", "Exports are fetched with GET.");
    const context = await authenticateOrRefuse(req, requestId, deps);
    const match = /^\/exports\/([a-z0-9-]+)\.xlsx$/.exec(url.pathname);
    const report = match ? exportReports.get(match[1]) : undefined;
    if (!report) {
      throw new ExportRefusal(
        "NOT_FOUND",
        `No export ${url.pathname.slice(EXPORTS_PREFIX.length)}; exports: ${[...exportReports.keys()].map((k) => `${k}.xlsx`).join(", ")}.`,
      );
    }
    const params = report.params(url.searchParams, context.identity);
    const cacheControl = req.headers["cache-control"];
    const run = operationRunner(
      deps.apollo,
      context,
      typeof cacheControl === "string" ? cacheControl : undefined,
    );
    const started = Date.now();
    const [table, filer] = await Promise.all([
      report.open(run, params),
      run<{ orgUnit: { name: string } | null }>(FILER, { id: context.identity.orgUnitId }),
    ]);
    const today = chinaToday();
    res.writeHead(200, {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="${report.name}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${table.title}.xlsx`)}`,
      "cache-control": "no-store",
    });
    try {
      await writeStatSheet(res, report.meta, table, {
        unitName: filer.orgUnit?.name ?? "",
        date: today.text,
      });
    } catch (error) {
      // The file has started: the only honest answer left is a broken download.
      deps.logger.error({ err: error, report: report.name }, "export failed while streaming");
      res.destroy(error as Error);
      return;
    }
    deps.logger.info({ report: report.name, ms: Date.now() - started }, "export written");
  } catch (error) {
    if (error instanceof ExportRefusal) {
      const status = error.code === "METHOD_NOT_ALLOWED" ? 405 : error.status;
      const headers: Record<string, string> =
        status === 401 ? { "www-authenticate": 'Bearer realm="grassroots"' } : {};
      return sendJson(res, status, { code: error.code, message: error.message }, headers);
    }
    throw error;
  }
}

async function authenticateOrRefuse(
  req: IncomingMessage,
  requestId: string,
  deps: ExportDeps,
): Promise<GatewayContext> {
  try {
    return await authenticate(req, requestId, deps.verify, deps.logger);
  } catch (error) {
    if (error instanceof GraphQLError) throw new ExportRefusal("UNAUTHENTICATED", error.message);
    throw error;
  }
}
