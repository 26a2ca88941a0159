import { defineConfig } from 'vitest/config';

// The global setups run in this process and start the API, whose logger reads this at import.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

const env = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL,
};

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000, env },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One DynamoDB Local for the whole run; each test file makes its own tables.
          globalSetup: ['test/setup/dynamodb.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          env,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Builds the web app and starts the whole local stack once; the files share it (one ward
          // agent, one queue), so they run one after another.
          fileParallelism: false,
          // A poll waits on the page and often a server round trip: give a loaded CI machine time.
          expect: { poll: { timeout: 10_000, interval: 100 } },
          globalSetup: ['test/setup/browser.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          env,
        },
      },
    ],
  },
});
