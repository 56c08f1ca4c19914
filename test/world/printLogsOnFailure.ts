import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, inject } from 'vitest';

// A failing integration test prints the tail of every peer's log, so CI output alone explains it.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    const { logDir } = inject('world');
    for (const file of readdirSync(logDir)) {
      const tail = readFileSync(join(logDir, file), 'utf8').split('\n').slice(-25).join('\n');
      console.error(`----- ${file} (last 25 lines) -----\n${tail}`);
    }
  });
});
