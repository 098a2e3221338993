import type { Identity } from "@grassroots/kit";

/** Tokens kept at most; past it the oldest go first (a Map keeps insertion order). */
const MAX_TOKENS = 10_000;
/** A verified token is trusted again without a signature check for at most this long (and never past its exp). */
const MAX_AGE_MS = 60_000;

/**
 * Tokens verified recently, so a client's every request (and a flood's, most of them refused by the
 * rate limit) costs a lookup instead of a signature check. A token is kept no longer than its expiry.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, { identity: Identity; until: number }>();

  get(token: string, now = Date.now()): Identity | undefined {
    const kept = this.tokens.get(token);
    if (!kept) return undefined;
    if (kept.until > now) return kept.identity;
    this.tokens.delete(token);
    return undefined;
  }

  keep(token: string, identity: Identity, expSeconds: number, now = Date.now()): void {
    if (this.tokens.size >= MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(token, { identity, until: Math.min(expSeconds * 1000, now + MAX_AGE_MS) });
  }
}
