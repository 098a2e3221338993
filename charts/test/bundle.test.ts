import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeBundle } from "./bundle-suite";
import { CHART, ROOT } from "./helm";

// What an image holds, checked without a container engine: infra/bundle.sh (the script the
// Dockerfile runs) builds the pruned bundle of a service here, and the bundle is started the way
// the image starts it, `node dist/main.js` in the bundle's directory, with nothing from the
// workspace on its path and the environment the chart renders for it (bundle-suite.ts).

describeBundle({ service: "organization", packageDir: "services/organization" });

describeBundle({
  service: "gateway",
  packageDir: "gateway",
  runtimeFiles: ["ide/index.html"],
  whileRunning: async (base) => {
    expect((await fetch(`${base}/ide/assets/graphiql.min.js`)).status).toBe(200);
    const anonymous = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(JSON.stringify(await anonymous.json())).toContain("UNAUTHENTICATED");
  },
});

// #13: the two subgraphs the chart added for issues 11 and 12.
describeBundle({ service: "finance", packageDir: "services/finance" });
describeBundle({ service: "evaluation", packageDir: "services/evaluation" });

describe("the Dockerfile (infra/docker/Dockerfile; no container engine here, so read, not built)", () => {
  const dockerfile = () => readFileSync(join(ROOT, "infra/docker/Dockerfile"), "utf8");

  it("builds the same bundle in a node:20-slim build stage and ships only it, as a non-root user, with node as PID 1", () => {
    const text = dockerfile();
    expect(text).toMatch(/^ARG NODE_IMAGE=node:20-slim$/m);
    const stages = text.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^\$\{NODE_IMAGE\} AS build/);
    expect(stages[0]).toContain('bash infra/bundle.sh "$SERVICE" /bundle');
    expect(stages[0]).toContain("pnpm install --offline --frozen-lockfile");
    const runtime = stages[1];
    expect(runtime).toMatch(/^\$\{NODE_IMAGE\}\n/);
    expect(runtime).toContain("COPY --from=build --chown=root:root /bundle /app");
    expect(runtime).toMatch(/^USER 1000:1000$/m);
    expect(runtime).not.toMatch(/^(RUN|COPY \.|ADD)/m);
    expect(runtime.trim().split("\n").pop()).toBe('CMD ["node", "dist/main.js"]');
    // no secret is passed in as a build argument or baked in as an environment variable
    for (const line of text.split("\n").filter((l) => /^(ARG|ENV)\s/.test(l)))
      expect(line).not.toMatch(/SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL/i);
  });

  it("gets a build context without local state, dependencies, builds or keys", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n");
    for (const entry of [
      ".git",
      "**/node_modules",
      "**/dist",
      ".local",
      ".env",
      ".env.*",
      "**/*.pem",
      "**/*.key",
    ])
      expect(ignored).toContain(entry);
  });

  it("the chart runs the images as the user the Dockerfile sets", () => {
    const helpers = readFileSync(join(CHART, "templates/_helpers.tpl"), "utf8");
    expect(helpers).toContain("runAsUser: 1000");
    expect(helpers).toContain("runAsGroup: 1000");
  });
});
