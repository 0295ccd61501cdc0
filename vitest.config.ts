import { defineConfig } from "vitest/config";

// `npm test` runs everything that needs only Node. Tests that need a system service (Redis for
// distributed studies, Chromium for the report) live in test/services and run with
// `npm run test:services` (vitest.services.config.ts), which .ci/run calls after installing them.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/services/**", "**/node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
