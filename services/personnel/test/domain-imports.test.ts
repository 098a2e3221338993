import { expectPlainDomain, PLAIN_MODULES } from "@grassroots/testing";
import { resolve } from "node:path";

describe("#9 the anatomy: domain and rule code is plain TypeScript", () => {
  it("domain/ and rules/, and every src module they load, import no GraphQL, TypeORM, Apollo, kafkajs or a package root", () => {
    // The roster import reads its file with @grassroots/table-files: plain TypeScript over exceljs, no server or database.
    const reached = expectPlainDomain(resolve(__dirname, "../src"), [
      ...PLAIN_MODULES,
      "@grassroots/table-files",
    ]);
    // The walk reached the mappers the commands publish through (and, checked above, stayed out of db/ and schema/).
    expect(reached).toContain("events/assignment-events.ts");
    expect(reached).toContain("domain/import/roster-plan.ts");
  });
});
