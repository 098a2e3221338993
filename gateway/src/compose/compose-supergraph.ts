import { composeServices } from "@apollo/composition";
import { existsSync, readFileSync } from "node:fs";
import { parse, type DocumentNode } from "graphql";
import type { SubgraphEntry } from "./subgraph-list";

export interface SubgraphSdl {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

export type CompositionOutcome =
  { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[] };

/** The committed file starts with this, so nobody edits it by hand. */
export const SUPERGRAPH_HEADER =
  "# Composed from gateway/subgraphs.json by `pnpm --filter @grassroots/gateway compose`. Do not edit.\n";

/** Composes subgraph SDL into a supergraph with @apollo/composition (Rover cannot be installed here). */
export function composeSupergraph(subgraphs: SubgraphSdl[]): CompositionOutcome {
  const result = composeServices(subgraphs);
  if (result.errors) {
    return { ok: false, errors: result.errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`) };
  }
  return {
    ok: true,
    supergraphSdl: `${SUPERGRAPH_HEADER}${result.supergraphSdl}\n`,
    hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`),
  };
}

/** The subgraph SDL files that do not exist yet (a service that has not committed its schema). */
export function missingSchemas(subgraphs: SubgraphEntry[]): SubgraphEntry[] {
  return subgraphs.filter((s) => !existsSync(s.schemaPath));
}

/** Reads each subgraph's committed SDL and composes them. */
export function composeFromFiles(subgraphs: SubgraphEntry[]): CompositionOutcome {
  const missing = missingSchemas(subgraphs);
  if (missing.length) {
    return {
      ok: false,
      errors: missing.map((s) => `subgraph "${s.name}": schema file ${s.schemaPath} does not exist`),
    };
  }
  const errors: string[] = [];
  const sdl: SubgraphSdl[] = [];
  for (const s of subgraphs) {
    try {
      sdl.push({ name: s.name, url: s.url, typeDefs: parse(readFileSync(s.schemaPath, "utf8")) });
    } catch (error) {
      errors.push(`subgraph "${s.name}": ${s.schemaPath}: ${(error as Error).message}`);
    }
  }
  return errors.length ? { ok: false, errors } : composeSupergraph(sdl);
}
