import { ideAssetNames } from "../src/server/ide";
import { startTestStack, type TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.base}${path}`, { headers });

/** Every src= and href= in the page. */
const references = (html: string) =>
  [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]);

describe("the GraphQL IDE served from the gateway's own assets", () => {
  test.each(["/", "/ide"])("GET %s returns the IDE page with a box for the token", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<input\s+id="token"/);
    expect(html).toMatch(/graphiql\.min\.js/);
  });

  test("the page loads no script or stylesheet from another host", async () => {
    const html = await (await get("/")).text();
    const refs = references(html);
    expect(refs.length).toBeGreaterThanOrEqual(6);
    for (const ref of refs) {
      expect(ref).not.toMatch(/^(https?:)?\/\//i);
      expect(ref.startsWith("/ide/assets/")).toBe(true);
    }
    expect(html).not.toMatch(/https?:\/\//i);
  });

  test("the page forbids loading from other origins (Content-Security-Policy)", async () => {
    const csp = (await get("/")).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'/);
  });

  test("every script and stylesheet the page names is served", async () => {
    const refs = references(await (await get("/")).text());
    for (const ref of refs) {
      const res = await get(ref);
      expect({ ref, status: res.status }).toEqual({ ref, status: 200 });
      expect(res.headers.get("content-type")).toMatch(
        ref.endsWith(".css") ? /^text\/css/ : /^text\/javascript/,
      );
      expect((await res.text()).length).toBeGreaterThan(100);
    }
  });

  test.each(ideAssetNames)("asset %s loads", async (name) => {
    const res = await get(`/ide/assets/${name}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  test("react, react-dom and graphiql are the production builds", async () => {
    expect(await (await get("/ide/assets/react.production.min.js")).text()).toMatch(
      /React v18\.3\.1|react\.production\.min\.js/,
    );
    expect(await (await get("/ide/assets/react-dom.production.min.js")).text()).toMatch(
      /react-dom\.production\.min\.js/,
    );
    expect(await (await get("/ide/assets/graphiql.min.js")).text()).toMatch(/GraphiQL/);
  });

  test("assets are compressed for clients that accept gzip", async () => {
    const res = await get("/ide/assets/graphiql.min.js", { "accept-encoding": "gzip" });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(Number(res.headers.get("content-length"))).toBeLessThan(1_500_000);
  });

  test.each(["/ide/assets/package.json", "/ide/assets/..%2F..%2Fpackage.json", "/ide/assets/"])(
    "%s is not served",
    async (path) => {
      expect((await get(path)).status).toBe(404);
    },
  );
});
