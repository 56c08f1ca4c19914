import { defineConfig } from 'vitest/config';

export default defineConfig({
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
