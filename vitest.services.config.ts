import { defineConfig } from "vitest/config";

// Tests that need Debian services on this machine: redis-server (distributed studies) and
// chromium (the report in a real browser). `.ci/run` installs both with apt first.
export default defineConfig({
  test: {
    include: ["test/services/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One file at a time: each starts servers and worker processes of its own on 2 cores.
    fileParallelism: false,
  },
});
