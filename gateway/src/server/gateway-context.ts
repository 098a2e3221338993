import type { Identity } from "@grassroots/kit";

/** Per request: who is calling (verified from the JWT) and the id every log line and subgraph call carries. */
export interface GatewayContext {
  requestId: string;
  identity: Identity;
  /** encodeIdentity(identity), computed once and sent to every subgraph the request touches. */
  identityHeader: string;
  /** An operation of the gateway's own code (a spreadsheet export's), not a client's document. */
  ownOperation?: boolean;
}
