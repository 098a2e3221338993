// @grassroots/kit/identity: plain code (no Apollo, TypeORM or type-graphql), for domain and rule modules.
export * from "./identity";
export * from "./access";
export * from "./personal-data";
export * from "./org-unit-id";
