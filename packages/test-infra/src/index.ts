export * from "./env";
export * from "./database";
export * from "./wait";
export * from "./kafka";
export * from "./pg-cluster";
export * from "./private-broker";
export * from "./ports";
