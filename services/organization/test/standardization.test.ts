import { SAMPLE_STANDARD } from "../src/domain/seed/sample-data";
import { allMet, RECOGNIZE, RECORD } from "./support/operations";
import { ensureStandard } from "../src/domain/seed/ensure-standard";
import {
  as,
  cityAdmin,
  DALATE,
  expectError,
  idOf,
  importOrdos,
  startHarness,
  type Harness,
} from "./support/harness";

const assessment = (code: string, items = allMet(), assessedOn = "2023-05-10") => ({
  orgUnitId: idOf(code),
  standardCode: SAMPLE_STANDARD.code,
  standardVersion: 1,
  assessedOn,
  items,
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  await h.services.uow.run((tx) => ensureStandard(tx, SAMPLE_STANDARD));
});
afterAll(() => h.stop());

describe("R2: 八有八化 standards and assessments", () => {
  it("ships the Hebei 2018 sample: 16 items, 8 HAVE and 8 IZATION, labelled as a sample", async () => {
    const result = await h.call(
      `{ standardizationStandards { code version isSample source items { group code nameZh } } }`,
      {},
      as("UNIT_CLERK", "150621100000"),
    );
    const [standard] = result.data!.standardizationStandards;
    expect(standard).toMatchObject({ code: "SAMPLE-HEBEI-8Y8H", version: 1, isSample: true });
    expect(standard.source).toContain("SAMPLE");
    expect(standard.items).toHaveLength(16);
    expect(standard.items.filter((i: { group: string }) => i.group === "HAVE")).toHaveLength(8);
    expect(standard.items[0].nameZh).toBe("有制度");
  });

  it("R2: a township with every item MET is STANDARDIZED; the event carries the result", async () => {
    const result = await h.call(RECORD, { input: assessment("150621100000") }, as("BANNER_ADMIN", DALATE));
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordStandardizationAssessment).toMatchObject({
      result: "STANDARDIZED",
      itemsMet: 16,
      itemsTotal: 16,
      standard: { code: "SAMPLE-HEBEI-8Y8H", version: 1 },
      orgUnit: { code: "150621100000" },
    });
    // The assessment's event, then the township's R2 status for 2023 (issue 12).
    const [status, event] = await h.dataSource.query(
      `SELECT type, key, data FROM outbox ORDER BY seq DESC LIMIT 2`,
    );
    expect(status).toMatchObject({
      type: "grassroots.organization.rule-status.changed.v1",
      data: { rule: "R2.standardization", period: "2023", status: "MET" },
    });
    expect(event).toMatchObject({
      type: "grassroots.organization.standardization-assessment.recorded.v1",
      key: idOf("150621100000"),
      data: { result: "STANDARDIZED", itemsMet: 16, recognitionBatch: null },
    });
  });

  it("R2: one PARTLY_MET item makes it NOT_STANDARDIZED", async () => {
    const items = allMet();
    items[3] = { ...items[3], status: "PARTLY_MET", evidence: "经费未列入预算" };
    const result = await h.call(RECORD, { input: assessment("150621101000", items) }, cityAdmin);
    expect(result.data!.recordStandardizationAssessment).toMatchObject({
      result: "NOT_STANDARDIZED",
      itemsMet: 15,
    });
  });

  it("R2: refuses a missing, repeated or unknown item, naming them, and writes nothing", async () => {
    const missing = allMet().slice(1);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(RECORD, { input: assessment("150621102000", missing) }, cityAdmin),
    );
    expect(message).toContain("missing items HAVE_RULES");
    const repeated = [...allMet(), allMet()[0]];
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(RECORD, { input: assessment("150621102000", repeated) }, cityAdmin),
      ),
    ).toContain("given twice HAVE_RULES");
    const unknown = [...allMet().slice(1), { itemCode: "HAVE_CAKE", status: "MET", evidence: "" }];
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(RECORD, { input: assessment("150621102000", unknown) }, cityAdmin),
      ),
    ).toContain("unknown items HAVE_CAKE");
  });

  it("R2: refuses units that are not township level (a park, a banner), an unknown version and a future date", async () => {
    const park = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(RECORD, { input: assessment("150621400000") }, cityAdmin),
    );
    expect(park).toContain("is a PARK");
    await h.expectRefused("BAD_USER_INPUT", () => h.call(RECORD, { input: assessment(DALATE) }, cityAdmin));
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(RECORD, { input: { ...assessment("150621102000"), standardVersion: 7 } }, cityAdmin),
    );
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(RECORD, { input: assessment("150621102000", allMet(), "2999-01-01") }, cityAdmin),
    );
  });

  it("R2 #10.3: only admins in scope assess; a clerk is FORBIDDEN, another banner's admin NOT_FOUND as for a missing unit", async () => {
    const clerk = await h.expectRefused("FORBIDDEN", () =>
      h.call(RECORD, { input: assessment("150621102000") }, as("UNIT_CLERK", "150621102000")),
    );
    expect(clerk).toContain("Only CITY_ADMIN or BANNER_ADMIN may record standardization assessments");
    const elsewhere = await h.expectRefused("NOT_FOUND", () =>
      h.call(RECORD, { input: assessment("150621102000") }, as("BANNER_ADMIN", "150622000000")),
    );
    expect(elsewhere).toBe(`Org unit ${idOf("150621102000")} does not exist in your area.`);
    // The area before the input: a future date and no items change nothing about the refusal.
    const bad = { ...assessment("150621102000", [], "2999-01-01") };
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        h.call(RECORD, { input: bad }, as("BANNER_ADMIN", "150622000000")),
      ),
    ).toBe(elsewhere);
  });

  it("R2: recognises a STANDARDIZED assessment once; refuses NOT_STANDARDIZED and non-city callers", async () => {
    const [standardized] = await h.dataSource.query(
      `SELECT id FROM standardization_assessment WHERE result = 'STANDARDIZED'`,
    );
    const [notStandardized] = await h.dataSource.query(
      `SELECT id FROM standardization_assessment WHERE result = 'NOT_STANDARDIZED'`,
    );
    await h.expectRefused("FORBIDDEN", () =>
      h.call(
        RECOGNIZE,
        { input: { assessmentId: standardized.id, batch: 6, year: 2023 } },
        as("BANNER_ADMIN", DALATE),
      ),
    );
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(RECOGNIZE, { input: { assessmentId: notStandardized.id, batch: 6, year: 2023 } }, cityAdmin),
    );
    const ok = await h.call(
      RECOGNIZE,
      { input: { assessmentId: standardized.id, batch: 6, year: 2023 } },
      cityAdmin,
    );
    expect(ok.data!.recognizeStandardization).toMatchObject({ recognitionBatch: 6, recognitionYear: 2023 });
    const [event] = await h.dataSource.query(`SELECT data FROM outbox ORDER BY seq DESC LIMIT 1`);
    expect(event.data).toMatchObject({
      assessmentId: standardized.id,
      recognitionBatch: 6,
      recognitionYear: 2023,
    });
    await h.expectRefused("CONFLICT", () =>
      h.call(RECOGNIZE, { input: { assessmentId: standardized.id, batch: 7, year: 2024 } }, cityAdmin),
    );
  });

  it("R2: the unit shows its latest assessment", async () => {
    const result = await h.call(
      `{ orgUnitByCode(code: "150621100000") { standardization { result recognitionBatch items { itemCode } } } }`,
      {},
      cityAdmin,
    );
    expect(result.data!.orgUnitByCode.standardization).toMatchObject({
      result: "STANDARDIZED",
      recognitionBatch: 6,
    });
    expect(result.data!.orgUnitByCode.standardization.items).toHaveLength(16);
  });

  it("R2: a new standard is a new version; a version in use cannot be edited in place", async () => {
    const define = `mutation ($input: DefineStandardizationStandardInput!) { defineStandardizationStandard(input: $input) { code version items { code } } }`;
    const input = {
      code: SAMPLE_STANDARD.code,
      title: "样例 v2",
      source: "test",
      effectiveFrom: "2024-01-01",
      isSample: true,
      items: SAMPLE_STANDARD.items
        .slice(0, 8)
        .map(({ group, code, nameZh, nameEn }) => ({ group, code, nameZh, nameEn })),
    };
    await h.expectRefused("FORBIDDEN", () => h.call(define, { input }, as("BANNER_ADMIN", DALATE)));
    const v2 = await h.call(define, { input }, cityAdmin);
    expect(v2.data!.defineStandardizationStandard).toMatchObject({ code: SAMPLE_STANDARD.code, version: 2 });
    await expect(
      h.dataSource.query(`UPDATE standard_item SET name_en = 'x' WHERE code = 'HAVE_RULES'`),
    ).rejects.toThrow(/used by assessments/);
  });

  it("R2 #14: the same standard defined by several callers at once gets one version each, none fails", async () => {
    const define = `mutation ($input: DefineStandardizationStandardInput!) { defineStandardizationStandard(input: $input) { code version } }`;
    const input = (n: number) => ({
      code: "FUZZ-CONCURRENT",
      title: `并发 ${n}`,
      source: "test",
      effectiveFrom: "2024-01-01",
      isSample: true,
      items: [{ group: "HAVE", code: "HAVE_RULES", nameZh: "有制度", nameEn: "Rules" }],
    });
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => h.call(define, { input: input(n) }, cityAdmin)),
    );
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const versions = answers.map((a) => a.data!.defineStandardizationStandard.version).sort();
    expect(versions).toEqual([1, 2, 3, 4, 5]);
  });

  it("#10.3: answers NOT_FOUND when recognising an assessment that does not exist, before the batch is looked at", async () => {
    const id = "6f1d3c2a-9b8e-4f70-a1c2-d3e4f5a6b7c8";
    const result = await h.call(RECOGNIZE, { input: { assessmentId: id, batch: 0, year: 1900 } }, cityAdmin);
    expect(expectError(result, "NOT_FOUND")).toBe(
      `Standardization assessment ${id} does not exist in your area.`,
    );
    // The role before everything: a banner admin is FORBIDDEN even for a bad batch of a missing assessment.
    expectError(
      await h.call(
        RECOGNIZE,
        { input: { assessmentId: id, batch: 0, year: 1900 } },
        as("BANNER_ADMIN", DALATE),
      ),
      "FORBIDDEN",
    );
  });
});
