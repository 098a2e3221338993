/** Where the infra/ scripts run PostgreSQL and Kafka (infra/env.sh has the same defaults). */
export const testEnv = {
  pgHost: process.env.PGHOST ?? "127.0.0.1",
  pgPort: Number(process.env.PGPORT ?? 5433),
  pgUser: process.env.PGUSER ?? "grassroots_admin",
  pgPassword: process.env.PGPASSWORD ?? "grassroots_admin",
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? "127.0.0.1:19092").split(","),
  internalSecret: "test-internal-secret-0123456789",
};
