// Shared Jest settings: swc transpiles TypeScript with the decorator settings type-graphql and
// TypeORM need (TOOLCHAIN.md). Each package's jest.config.js spreads this.
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          target: "es2022",
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
        module: { type: "commonjs" },
      },
    ],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/src/**/*.test.ts"],
  modulePathIgnorePatterns: ["<rootDir>/dist/"],
  // Integration tests share one PostgreSQL and one Kafka broker on a 2-core machine.
  maxWorkers: 1,
  testTimeout: 60000,
  reporters: ["default", require("node:path").join(__dirname, "infra/jest-results-reporter.js")],
};
