export * from "./migration";
export * from "./entity";
export * from "./ledger";
export * from "./ledger-store";
