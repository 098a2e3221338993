export * from "./contracts";
export * from "./outbox/outbox-migration";
export * from "./outbox/outbox-writer";
