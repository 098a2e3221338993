import { readFileSync } from "node:fs";
import { z } from "zod";
import { allContracts, personalDataKeysIn } from "./contract-inspection";
import { asyncApiPath, renderAsyncApi } from "../src/asyncapi/document";
import { generateAsyncApi } from "../src/asyncapi/generate";

describe("AsyncAPI document and contracts", () => {
  it("the committed asyncapi.yaml matches the contracts (run `pnpm --filter @grassroots/events asyncapi` when this fails)", () => {
    expect(readFileSync(asyncApiPath, "utf8")).toBe(renderAsyncApi());
  });

  it("is AsyncAPI 3.0 with one message per event type and a channel per topic", () => {
    const doc = generateAsyncApi() as { asyncapi: string; channels: Record<string, { address: string }>; components: { messages: object } };
    expect(doc.asyncapi).toBe("3.0.0");
    expect(Object.keys(doc.components.messages)).toHaveLength(allContracts.length);
    expect(new Set(Object.values(doc.channels).map((c) => c.address))).toEqual(new Set(allContracts.map((c) => c.topic)));
  });

  it("no event contract carries personal data (ID numbers, phones)", () => {
    for (const contract of allContracts) {
      expect({ type: contract.type, keys: personalDataKeysIn(z.toJSONSchema(contract.schema)) }).toEqual({ type: contract.type, keys: [] });
    }
  });

  it("event types and topics follow grassroots.<service>.<aggregate>[.<action>].v1", () => {
    for (const c of allContracts) {
      expect(c.topic).toMatch(/^grassroots\.[a-z]+\.[a-z-]+\.v1$/);
      expect(c.type.startsWith(c.topic.replace(/\.v1$/, "."))).toBe(true);
    }
  });
});
