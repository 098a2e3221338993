// @grassroots/kit/errors: plain code (no Apollo, TypeORM or type-graphql), for domain and rule modules.
export * from "./app-error";
export * from "./infrastructure-error";
