import { encodeIdentity, type Identity } from "@grassroots/kit";

/**
 * The peer's token → identity mapping, the same as our gateway's (gateway/src/auth/verify-token.ts):
 * claims sub, roles, org and the optional name become { userId, roles, orgUnitId, name }, encoded with
 * the kit's encodeIdentity (which refuses roles that do not exist and empty fields). Unlike ours it does
 * NOT check the signature, issuer, audience or expiry: the peer is a measurement tool behind the bench,
 * and ours, too, verifies a token once and keeps its identity (VerifiedTokens), so past the first request
 * both do a map lookup per request.
 */
const known = new Map<string, string | null>();
const MAX_KNOWN = 10_000;

function decode(token: string): string | null {
  const [, payload] = token.split(".");
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      sub?: string;
      roles?: Identity["roles"];
      org?: string;
      name?: string;
    };
    const identity = {
      userId: claims.sub,
      roles: claims.roles,
      orgUnitId: claims.org,
      ...(claims.name ? { name: claims.name } : {}),
    } as Identity;
    return encodeIdentity(identity);
  } catch {
    return null;
  }
}

/** The x-grassroots-identity header for an Authorization header, or undefined when it names no usable caller. */
export function identityHeaderOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!token) return undefined;
  let header = known.get(token);
  if (header === undefined) {
    header = decode(token);
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(token, header);
  }
  return header ?? undefined;
}

/** The supergraph with each subgraph's URL replaced by the suite's (`@join__graph(name: …, url: …)`). */
export function supergraphFor(sdl: string, urls: Record<string, string>): string {
  const missing = Object.keys(urls).filter((name) => !sdl.includes(`@join__graph(name: "${name}"`));
  if (missing.length) throw new Error(`the supergraph has no subgraph ${missing.join(", ")}`);
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}
