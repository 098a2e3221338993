import { expectPlainDomain } from "@grassroots/testing";
import { resolve } from "node:path";

describe("#9 the anatomy: domain and rule code is plain TypeScript", () => {
  it("domain/ and rules/, and every src module they load, import no GraphQL, TypeORM, Apollo, kafkajs or a package root", () => {
    const reached = expectPlainDomain(resolve(__dirname, "../src"));
    // The walk reached the mappers the commands publish through (and, checked above, stayed out of db/ and schema/).
    expect(reached).toContain("events/assignment-events.ts");
  });
});
