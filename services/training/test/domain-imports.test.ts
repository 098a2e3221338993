import { expectPlainDomain } from "@grassroots/testing";
import { resolve } from "node:path";

describe("the anatomy: domain and rule code is plain TypeScript", () => {
  it("domain/ and rules/, and every src module they load, import no GraphQL, TypeORM, Apollo, kafkajs or a package root", () => {
    expect(expectPlainDomain(resolve(__dirname, "../src"))).toContain("events/training-events.ts");
  });
});
