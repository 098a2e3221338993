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
    const doc = generateAsyncApi() as {
      asyncapi: string;
      channels: Record<string, { address: string }>;
      components: { messages: object };
    };
    expect(doc.asyncapi).toBe("3.0.0");
    expect(Object.keys(doc.components.messages)).toHaveLength(allContracts.length);
    const addresses = new Set(Object.values(doc.channels).map((c) => c.address));
    expect(addresses).toEqual(new Set(allContracts.flatMap((c) => [c.topic, `${c.topic}.dlq`])));
  });

  it("#10.11: each channel says what its key is, and each topic's DLQ is a channel of its own", () => {
    const doc = generateAsyncApi() as {
      channels: Record<string, { address: string; description: string }>;
      components: {
        messages: Record<string, { name: string; bindings: { kafka: { key: { description: string } } } }>;
      };
    };
    const byAddress = new Map(Object.values(doc.channels).map((c) => [c.address, c.description]));
    expect(byAddress.get("grassroots.training.certificate.v1")).toMatch(
      /Kafka key: the certificate holder's statistician id .*`statisticianId`/,
    );
    expect(byAddress.get("grassroots.organization.standardization-assessment.v1")).toMatch(
      /Kafka key: the assessed unit's id .*`orgUnitId`/,
    );
    expect(byAddress.get("grassroots.organization.org-unit.v1")).toMatch(
      /Kafka key: the org unit's id .*`id`/,
    );
    for (const c of allContracts) {
      expect(byAddress.get(c.topic)).toContain(`\`${c.key.field}\``);
      expect(byAddress.get(`${c.topic}.dlq`)).toMatch(/Dead letters of .*dlq-error.*dlq-consumer-group/);
      // Every event of a topic is keyed by the same field, so order per key means one thing per topic.
      expect(allContracts.filter((o) => o.topic === c.topic).map((o) => o.key.field)).toEqual(
        allContracts.filter((o) => o.topic === c.topic).map(() => c.key.field),
      );
    }
    const message = Object.values(doc.components.messages).find(
      (m) => m.name === "grassroots.training.certificate.issued.v1",
    );
    expect(message?.bindings.kafka.key.description).toMatch(
      /statistician id .*\(data field statisticianId\)$/,
    );
  });

  it("no event contract carries personal data (ID numbers, phones)", () => {
    for (const contract of allContracts) {
      expect({ type: contract.type, keys: personalDataKeysIn(z.toJSONSchema(contract.schema)) }).toEqual({
        type: contract.type,
        keys: [],
      });
    }
  });

  it("event types and topics follow grassroots.<service>.<aggregate>[.<action>].v1", () => {
    for (const c of allContracts) {
      expect(c.topic).toMatch(/^grassroots\.[a-z]+\.[a-z-]+\.v1$/);
      expect(c.type.startsWith(c.topic.replace(/\.v1$/, "."))).toBe(true);
    }
  });
});
