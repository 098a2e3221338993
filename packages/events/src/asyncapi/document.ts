import { resolve } from "node:path";
import { stringify } from "yaml";
import { generateAsyncApi } from "./generate";

/** The committed document: packages/events/asyncapi.yaml. */
export const asyncApiPath = resolve(__dirname, "../../asyncapi.yaml");

export function renderAsyncApi(): string {
  return `# Generated from the event contracts by \`pnpm --filter @grassroots/events asyncapi\`. Do not edit.\n${stringify(generateAsyncApi(), { lineWidth: 0 })}`;
}
