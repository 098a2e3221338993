import { randomUUID } from "node:crypto";
import { residentIdCheckCharacter as checkCharacter } from "@grassroots/kit/validation";
import {
  as,
  cityAdmin,
  DALATE,
  idOf,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_1,
  startHarness,
  XUEJIAWAN,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";
import { APPOINT, END, FILE, FORWARD, REGISTER, UPDATE } from "./support/operations";

let h: Harness;
let person: string;
let post: { id: string; version: number };
let filing: { id: string; version: number };

beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
  // In 达拉特旗: a person with a village post whose APPOINTMENT filing waits for its township.
  person = await h.register(SHULINZHAO_VILLAGE_1);
  const change = await h.appoint(person, SHULINZHAO_VILLAGE_1, "LIAISON", "PUBLIC_WELFARE_POST");
  post = change.assignment;
  filing = change.filing;
});
afterAll(() => h.stop());

const mutate = (doc: string, input: Record<string, unknown>, who: typeof cityAdmin) =>
  h.call(doc, { input: { requestId: randomUUID(), ...input } }, who);
const missing = (what: string, id: string) => `${what} ${id} does not exist in your area.`;

describe("#10.3: one refusal policy (role, then area as NOT_FOUND, then input)", () => {
  it("#10.3: writing to another banner's filing, post or person gives exactly the missing-target message, as reading it does", async () => {
    const nobody = randomUUID();
    const cases: [string, string, (id: string) => Promise<unknown>][] = [
      [
        "Filing",
        filing.id,
        (id) => mutate(FORWARD, { filingId: id, expectedVersion: 1 }, as("UNIT_CLERK", "150622100000")),
      ],
      ["Filing", filing.id, (id) => mutate(FILE, { filingId: id, expectedVersion: 1 }, zhungeerAdmin)],
      [
        "Post assignment",
        post.id,
        (id) =>
          mutate(
            END,
            { assignmentId: id, expectedVersion: 1, endDate: "2026-06-01", reason: "x" },
            zhungeerAdmin,
          ),
      ],
      ["Statistician", person, (id) => mutate(UPDATE, { id, expectedVersion: 1, notes: "x" }, zhungeerAdmin)],
      [
        "Statistician",
        person,
        (id) =>
          mutate(
            APPOINT,
            {
              statisticianId: id,
              orgUnitId: idOf(XUEJIAWAN),
              role: "PART_TIME",
              establishment: "CONTRACT",
              startDate: "2026-01-05",
            },
            zhungeerAdmin,
          ),
      ],
    ];
    for (const [what, id, call] of cases) {
      const elsewhere = await h.expectRefused("NOT_FOUND", () => call(id) as never);
      expect(elsewhere).toBe(missing(what, id));
      // A target that does not exist at all reads the same (but for the id the caller sent).
      const none = await h.expectRefused("NOT_FOUND", () => call(nobody) as never);
      expect(none).toBe(missing(what, nobody));
      // Nothing of the target's place: no unit, banner or their codes.
      expect(elsewhere).not.toMatch(/树林召镇|达拉特旗|1506\d{8}|outside/);
    }
    // Reading another banner's filing or person answers the same words.
    const read = await h.call(
      `query ($id: ID!) { filing(id: $id) { id } }`,
      { id: filing.id },
      zhungeerAdmin,
    );
    expect(read.errors![0]).toMatchObject({
      message: missing("Filing", filing.id),
      extensions: { code: "NOT_FOUND" },
    });
    const who = await h.call(
      `query ($id: ID!) { statistician(id: $id) { id } }`,
      { id: person },
      zhungeerAdmin,
    );
    expect(who.errors![0]).toMatchObject({
      message: missing("Statistician", person),
      extensions: { code: "NOT_FOUND" },
    });
  });

  it("#10.3: outside the area, bad input is still NOT_FOUND (the area is checked before the input)", async () => {
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        mutate(
          END,
          { assignmentId: post.id, expectedVersion: 1, endDate: "2099-01-01", reason: " " },
          zhungeerAdmin,
        ),
      ),
    ).toBe(missing("Post assignment", post.id));
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        h.call(
          REGISTER,
          { input: { requestId: "bad", orgUnitId: idOf(DALATE), name: " ", idNumber: "123" } },
          zhungeerAdmin,
        ),
      ),
    ).toBe(missing("Org unit", idOf(DALATE)));
    const list = await h.call(
      `query ($f: StatisticianFilter) { statisticians(filter: $f, first: 0, after: "x") { totalCount } }`,
      { f: { orgUnitId: idOf(SHULINZHAO) } },
      zhungeerAdmin,
    );
    expect(list.errors![0]).toMatchObject({
      message: missing("Org unit", idOf(SHULINZHAO)),
      extensions: { code: "NOT_FOUND" },
    });
  });

  it("#10.3: an INSPECTOR (or FINANCE_OFFICER) with bad input gets FORBIDDEN, not BAD_USER_INPUT", async () => {
    const inspector = as("INSPECTOR", DALATE);
    const refusals = [
      () =>
        h.call(
          REGISTER,
          { input: { requestId: "x", orgUnitId: "not-a-unit", name: " ", idNumber: "123", phone: "1" } },
          inspector,
        ),
      () => h.call(FILE, { input: { requestId: "x", filingId: "nope", expectedVersion: -1 } }, inspector),
      () =>
        h.call(FORWARD, { input: { requestId: "x", filingId: filing.id, expectedVersion: 99 } }, inspector),
      () =>
        mutate(
          END,
          { assignmentId: post.id, expectedVersion: 1, endDate: "2099-01-01", reason: "" },
          inspector,
        ),
      () => mutate(UPDATE, { id: person, expectedVersion: 1, phone: "12" }, as("FINANCE_OFFICER", DALATE)),
      () =>
        mutate(
          APPOINT,
          {
            statisticianId: person,
            orgUnitId: idOf(SHULINZHAO),
            role: "LIAISON",
            establishment: "CONTRACT",
            startDate: "2099-12-31",
          },
          as("FINANCE_OFFICER", DALATE),
        ),
    ];
    for (const refused of refusals) {
      expect(await h.expectRefused("FORBIDDEN", refused)).toMatch(
        /^Only CITY_ADMIN or BANNER_ADMIN or UNIT_CLERK may .+; you are (INSPECTOR|FINANCE_OFFICER)\.$|^Only BANNER_ADMIN may file filings .+; you are INSPECTOR\.$|^Only UNIT_CLERK may forward filings .+; you are INSPECTOR\.$/,
      );
    }
  });

  it("#10.3: a duplicate ID number registered elsewhere is CONFLICT naming no unit, banner or person", async () => {
    const first17 = "15062119900101234";
    const idNumber = `${first17}${checkCharacter(first17)}`;
    const holder = await h.register(SHULINZHAO, { idNumber, name: "赵持有" });
    const clerk = as("UNIT_CLERK", XUEJIAWAN);
    const again = () =>
      h.call(
        REGISTER,
        { input: { requestId: randomUUID(), orgUnitId: idOf(XUEJIAWAN), name: "赵重复", idNumber } },
        clerk,
      );
    const message = await h.expectRefused("CONFLICT", again);
    expect(message).toContain("already registered");
    expect(message).not.toMatch(/赵持有|树林召镇|达拉特旗|准格尔旗|薛家湾镇|\d{12}|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(message).not.toContain(holder);
    const res = await again();
    expect(res.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "idNumber" });
    expect(JSON.stringify(res.errors![0].extensions)).not.toMatch(
      new RegExp(`${holder}|${idOf(SHULINZHAO)}|${idOf(DALATE)}`),
    );
  });
});
