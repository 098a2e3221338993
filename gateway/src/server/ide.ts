import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** gateway/ide: the page and its start script (same path from src/server and dist/server). */
const ideDir = resolve(__dirname, "..", "..", "ide");
// react 18 does not export its UMD files, so they are found from the package root.
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

/** The only files served under /ide/assets/: a fixed list, so no request can reach another path. */
const assetFiles: Record<string, { path: string; type: string }> = {
  "react.production.min.js": { path: join(packageDir("react"), "umd", "react.production.min.js"), type: JS },
  "react-dom.production.min.js": {
    path: join(packageDir("react-dom"), "umd", "react-dom.production.min.js"),
    type: JS,
  },
  "graphiql.min.js": { path: require.resolve("graphiql/graphiql.min.js"), type: JS },
  "graphiql.min.css": { path: require.resolve("graphiql/graphiql.min.css"), type: CSS },
  "start-ide.js": { path: join(ideDir, "start-ide.js"), type: JS },
  "ide.css": { path: join(ideDir, "ide.css"), type: CSS },
};

export const IDE_ASSET_PREFIX = "/ide/assets/";
export const ideAssetNames = Object.keys(assetFiles);

// Nothing but this gateway: scripts and styles from its own origin, fonts and icons inlined as data.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

interface Loaded {
  body: Buffer;
  gzipped: Buffer;
}
const loaded = new Map<string, Loaded>();

// Read and compress once; graphiql.min.js is 3.5 MB, about 0.8 MB gzipped.
function load(path: string): Loaded {
  let file = loaded.get(path);
  if (!file) {
    const body = readFileSync(path);
    file = { body, gzipped: gzipSync(body) };
    loaded.set(path, file);
  }
  return file;
}

/** Serves GET / and /ide (the page) and /ide/assets/*; returns false for any other path. */
export function serveIde(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (pathname === "/" || pathname === "/ide") {
    send(req, res, load(join(ideDir, "index.html")), "text/html; charset=utf-8", "no-cache");
    return true;
  }
  if (!pathname.startsWith(IDE_ASSET_PREFIX)) return false;
  const asset = assetFiles[pathname.slice(IDE_ASSET_PREFIX.length)];
  if (!asset) return false;
  send(req, res, load(asset.path), asset.type, "public, max-age=3600");
  return true;
}

function send(req: IncomingMessage, res: ServerResponse, file: Loaded, type: string, cacheControl: string) {
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? file.gzipped : file.body;
  res.writeHead(200, {
    "content-type": type,
    "content-length": body.length,
    "cache-control": cacheControl,
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    vary: "accept-encoding",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
