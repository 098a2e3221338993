// k6 run -e GRAPHQL_URL=https://…/graphql -e TOKEN_CITY_ADMIN=<JWT> load-tests/k6/city-budget-execution.js
// The scenario "city-budget-execution" of scenarios.json (operations, variables, weights, thresholds); see load-tests/README.md.
import { scenarioScript } from "./lib.js";

const definitions = JSON.parse(open("./scenarios.json"));
const script = scenarioScript(definitions, "city-budget-execution");

export const options = script.options;
export const setup = script.setup;
export const teardown = script.teardown;
export default function (data) {
  script.iteration(data);
}
