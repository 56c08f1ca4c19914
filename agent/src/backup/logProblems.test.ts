import { describe, expect, it } from 'vitest';
import { parseOperationOutcome } from '#schema/agent/OperationOutcome';
import type { BackupLogEntry } from './BackupLogEntry.ts';
import { logProblems } from './logProblems.ts';

describe('logProblems', () => {
  const log: BackupLogEntry[] = [
    { level: 'info', message: 'pre-exec rule flush ran', resource: 'pods', namespace: 'db', name: 'db-0' },
    { level: 'warning', message: "includeNamespaces: 'x*' matches no namespace in the cluster" },
    { level: 'error', message: 'forbidden', resource: 'secrets', namespace: 'shop' },
    { level: 'error', message: 'could not be read', resource: 'configmaps', namespace: 'shop', name: 'settings' },
  ];

  it('gives each warning and error with its object, and its one-line form, leaving out info lines', () => {
    const problems = logProblems(log);
    expect(problems.problems).toEqual({
      warnings: [{ type: null, namespace: null, name: null, message: "includeNamespaces: 'x*' matches no namespace in the cluster" }],
      errors: [
        { type: 'secrets', namespace: 'shop', name: null, message: 'forbidden' },
        { type: 'configmaps', namespace: 'shop', name: 'settings', message: 'could not be read' },
      ],
    });
    expect(problems.warnings).toEqual(["includeNamespaces: 'x*' matches no namespace in the cluster"]);
    expect(problems.errors).toEqual(['secrets shop: forbidden', 'configmaps shop/settings: could not be read']);
  });

  it('makes an outcome the hub accepts', () => {
    const outcome = { phase: 'PartiallyFailed' as const, countsByKind: {}, bytes: 0, ...logProblems(log) };
    expect(parseOperationOutcome(outcome)).toEqual(outcome);
  });
});
