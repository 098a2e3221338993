// @grassroots/kit/idempotency: plain code (no Apollo, TypeORM or type-graphql), for domain commands.
export * from "./idempotency";
export * from "./retryable";
