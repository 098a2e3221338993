import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BufferedResponse, keepAliveFetcher, SubgraphAgents } from "../src/server/keep-alive-fetcher";

// #15: the gateway reads a subgraph's answer from the buffer it already holds (no web-stream body per
// fetch). What Apollo's data source reads of it — status, headers, json(), text(), a clone for the
// error path — must be what Node's own fetch gives for the same answer, multi-byte text included.

let server: Server;
let base: string;
const agents = new SubgraphAgents();
const ANSWER = { data: { orgUnitByCode: { name: "鄂尔多斯市", children: [{ code: "150602000000" }] } } };

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      if (req.url === "/empty") {
        res.statusCode = 204;
        return res.end();
      }
      if (req.url === "/refused") {
        res.statusCode = 400;
        res.setHeader("content-type", "application/json");
        return res.end(
          JSON.stringify({ errors: [{ message: "坏的值", extensions: { code: "BAD_USER_INPUT" } }] }),
        );
      }
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.setHeader("cache-control", "max-age=15, private");
      res.end(JSON.stringify(ANSWER));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agents.destroy();
  await new Promise((r) => server.close(r));
});

const fetcher = () => keepAliveFetcher("organization", agents, 5000);
const init = { method: "POST", headers: { "content-type": "application/json" }, body: "{}" };

test("#15: a buffered answer reads as Node's fetch reads the same answer (json, text, headers, status)", async () => {
  const ours = await fetcher()(`${base}/graphql`, init);
  const theirs = await fetch(`${base}/graphql`, init);
  expect(ours).toBeInstanceOf(BufferedResponse);
  expect(ours.status).toBe(theirs.status);
  expect(ours.ok).toBe(true);
  expect(ours.headers.get("cache-control")).toBe("max-age=15, private");
  expect(ours.headers.get("content-type")).toBe(theirs.headers.get("content-type"));
  const text = await theirs.text();
  expect(await ours.clone().text()).toBe(text);
  expect(await ours.json()).toEqual(JSON.parse(text));
  expect(await ours.clone().json()).toEqual(ANSWER);
});

test("#15: an answer without a body reads as empty; a refused one keeps its body for the error path", async () => {
  const empty = await fetcher()(`${base}/empty`, init);
  expect(empty.status).toBe(204);
  expect(await empty.text()).toBe("");
  const refused = await fetcher()(`${base}/refused`, init);
  expect(refused.ok).toBe(false);
  expect(refused.status).toBe(400);
  // The data source reads a clone first, then the original: both hold the body.
  const first = (await refused.clone().json()) as { errors: { message: string }[] };
  expect(first.errors[0].message).toBe("坏的值");
  await expect(refused.text()).resolves.toContain("BAD_USER_INPUT");
  await expect(
    new BufferedResponse(Buffer.from("not json"), { status: 200, headers: [] }).json(),
  ).rejects.toThrow(SyntaxError);
});
