/** Jest runs TypeScript through swc (CommonJS), with legacy decorators for @colyseus/schema. */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: false, useDefineForClassFields: false },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

module.exports = {
  testEnvironment: "node",
  roots: [
    "<rootDir>/shared",
    "<rootDir>/server",
    "<rootDir>/test",
    "<rootDir>/web/src",
    "<rootDir>/client",
    "<rootDir>/loadtest",
    "<rootDir>/bench",
  ],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j)sx?$": swc, "^.+\\.mjs$": swc },
  // @colyseus/core's CJS build requires rou3, which ships ESM only: let swc transform it.
  transformIgnorePatterns: ["/node_modules/(?!(rou3)/)"],
  testTimeout: 30000,
  // Checks for Chromium and Redis before any test runs (one line when missing), and moves REDIS_URL aside for the scale-out tests.
  globalSetup: "<rootDir>/test/support/globalSetup.ts",
  // The SDK on `ws` on every Node, as the hostile clients of the security tests need (see the file).
  setupFiles: ["<rootDir>/test/support/sdkOnWs.ts"],
};
