export * from "./env";
export * from "./database";
export * from "./wait";
export * from "./graphql-client";
export * from "./kafka";
export * from "./suite";
export * from "./query-counter";
export * from "./refusals";
