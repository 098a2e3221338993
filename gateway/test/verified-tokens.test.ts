import { VerifiedTokens } from "../src/auth/verified-tokens";

// Issue 14, "overload": a client's repeated token (a flood's above all) is looked up, not verified
// again — but never past its expiry, and for at most a minute.

const identity = { userId: "clerk-1", roles: ["UNIT_CLERK" as const], orgUnitId: "unit-1" };

it("#14: a verified token is trusted again until its exp, never after it, and for at most 60 s", () => {
  const tokens = new VerifiedTokens();
  const now = 1_000_000_000_000;
  tokens.keep("soon", identity, now / 1000 + 10, now);
  tokens.keep("later", identity, now / 1000 + 3600, now);
  expect(tokens.get("soon", now + 9_999)).toEqual(identity);
  expect(tokens.get("soon", now + 10_000)).toBeUndefined();
  expect(tokens.get("later", now + 59_999)).toEqual(identity);
  expect(tokens.get("later", now + 60_000)).toBeUndefined();
  expect(tokens.get("never-seen", now)).toBeUndefined();
});
