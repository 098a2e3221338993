import { parse } from "graphql";
import { SERVICE_UNAVAILABLE, unavailableErrors } from "../src/server/subgraph-unavailable";

describe("#14: the errors that stand in for a subgraph that cannot be reached", () => {
  test("a root fetch: one error per field asked for (aliases as the client named them), the service in words", () => {
    const errors = unavailableErrors(
      "personnel",
      parse(
        `query Q { gaps: staffingGaps(bannerId: "b") { unitsEvaluated } filings(first: 5) { totalCount } }`,
      ),
      {},
    );
    expect(errors.map((e) => e.path)).toEqual([["gaps"], ["filings"]]);
    for (const e of errors) {
      expect(e.extensions).toEqual({ code: SERVICE_UNAVAILABLE, service: "personnel" });
      expect(e.message).toMatch(/^The personnel service cannot be reached right now/);
      expect(e.message).not.toMatch(/\d+\.\d+\.\d+\.\d+|:\d{2,5}|ECONN/);
    }
  });

  test("an entity fetch: each representation's fields, by its type; __typename is not a field the client lost", () => {
    const document = parse(`query Q($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on OrgUnit { staffing { compliant } s: statisticsPostHolders { id } }
        ... on Statistician { preposts: prePostStatus }
      }
    }`);
    const errors = unavailableErrors("personnel", document, {
      representations: [
        { __typename: "OrgUnit", id: "a" },
        { __typename: "Statistician", id: "b" },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual([
      ["_entities", 0, "staffing"],
      ["_entities", 0, "s"],
      ["_entities", 1, "preposts"],
    ]);
  });

  test("a fan-out of 500 entities gives at most 50 errors; no document still gives one error", () => {
    const document = parse(
      `query Q($representations: [_Any!]!) { _entities(representations: $representations) { ... on OrgUnit { staffing { compliant } } } }`,
    );
    const representations = Array.from({ length: 500 }, (_, i) => ({ __typename: "OrgUnit", id: String(i) }));
    expect(unavailableErrors("personnel", document, { representations })).toHaveLength(50);
    expect(unavailableErrors("training", undefined, undefined)).toEqual([
      expect.objectContaining({ path: [], extensions: { code: SERVICE_UNAVAILABLE, service: "training" } }),
    ]);
  });
});
