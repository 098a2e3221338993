import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from "jose";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AuthMessages, createTokenVerifier } from "../src/auth/verify-token";
import { loadGatewayConfig } from "../src/config";

// Production verifies RS256 tokens against the identity provider's key set, served here by a real HTTP server.
let jwksServer: Server;
let jwksUrl: string;
let privateKey: KeyLike;
let otherKey: KeyLike;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  otherKey = (await generateKeyPair("RS256")).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "RS256", use: "sig" };
  jwksServer = createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
});
afterAll(() => new Promise((resolve) => jwksServer.close(resolve)));

const verifier = () =>
  createTokenVerifier(
    loadGatewayConfig({
      NODE_ENV: "production",
      INTERNAL_SECRET: "0123456789abcdef",
      JWT_MODE: "jwks",
      JWKS_URL: jwksUrl,
      JWT_ISSUER: "https://idp.ordos.example",
      JWT_AUDIENCE: "grassroots",
    }),
  );

const rs256 = (key: KeyLike, claims: Record<string, unknown> = {}, issuer = "https://idp.ordos.example") =>
  new SignJWT({ roles: ["BANNER_ADMIN"], org: "banner-1", ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "key-1" })
    .setSubject("admin-9")
    .setIssuer(issuer)
    .setAudience("grassroots")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);

describe("RS256 tokens verified with the identity provider's JWKS", () => {
  test("a token signed by the provider's key gives the caller's identity", async () => {
    await expect(verifier()(`Bearer ${await rs256(privateKey)}`)).resolves.toEqual({
      userId: "admin-9",
      roles: ["BANNER_ADMIN"],
      orgUnitId: "banner-1",
    });
  });

  test("a token signed by another key is refused", async () => {
    await expect(verifier()(`Bearer ${await rs256(otherKey)}`)).rejects.toThrow(AuthMessages.invalid);
  });

  test("a token from another issuer is refused", async () => {
    await expect(verifier()(`Bearer ${await rs256(privateKey, {}, "https://elsewhere")}`)).rejects.toThrow(
      AuthMessages.invalid,
    );
  });

  test("an HS256 token is refused in jwks mode (no algorithm confusion)", async () => {
    const hs = await new SignJWT({ roles: ["CITY_ADMIN"], org: "city" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setIssuer("https://idp.ordos.example")
      .setAudience("grassroots")
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode("y".repeat(32)));
    await expect(verifier()(`Bearer ${hs}`)).rejects.toThrow(AuthMessages.invalid);
  });

  test("a token without an org claim is refused", async () => {
    await expect(verifier()(`Bearer ${await rs256(privateKey, { org: undefined })}`)).rejects.toThrow(
      AuthMessages.incomplete,
    );
  });
});
