// @grassroots/kit/validation: plain code (no Apollo, TypeORM or type-graphql), for domain and rule modules.
export * from "./value-checks";
export * from "./page";
export * from "./resident-id";
export * from "./collections";
export * from "./money";
