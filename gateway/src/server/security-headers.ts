import type { IncomingMessage, ServerResponse } from "node:http";

/** HSTS for a year once a request arrived over TLS; browsers ignore it over plain HTTP anyway. */
const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Headers every gateway answer carries, for an API that a browser-based IDE (ours, or a clerk's web
 * client) calls: no MIME sniffing, no referrer, never framed, and HSTS when behind TLS (the ingress
 * terminates it and says so in X-Forwarded-Proto). Set before the route writes its own headers, so the
 * IDE's page keeps its own, wider Content-Security-Policy.
 */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-frame-options", "DENY");
  // JSON answers load nothing and may be embedded nowhere.
  res.setHeader("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  if (overTls(req)) res.setHeader("strict-transport-security", HSTS);
}

function overTls(req: IncomingMessage): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const proto = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}
