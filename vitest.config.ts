import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Node loads its CommonJS build, Vite would pick its ESM one, and two
    // copies of graphql refuse each other's types. Pin tests to the build Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['hub/**/*.test.ts', 'agent/**/*.test.ts', 'schema/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/world/globalSetup.ts'],
          setupFiles: ['test/world/printLogsOnFailure.ts'],
          // The world is shared and the machine has two cores: suites run one after another.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
